import { tokens } from "@fluentui/react-components";
import { token, type TokenName } from "../../src/taskpane/components/theme";

describe("Fluent tokens named in lazily loaded chunks", () => {
  it("gives, for every token but the z-index ones, exactly the CSS variable Fluent's tokens object holds", () => {
    const names = (Object.keys(tokens) as (keyof typeof tokens)[]).filter((n): n is TokenName => !n.startsWith("zIndex"));
    expect(names.length).toBeGreaterThan(400);
    for (const name of names) expect([name, token(name)]).toEqual([name, tokens[name]]);
  });
});
