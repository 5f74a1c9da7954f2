import { accessFor, memoryAccess, officeAccess } from "../../src/taskpane/workbook-access";
import { MemoryWorkbook } from "../../src/workbook/memory/memory-workbook";
import { NO_HOST } from "../../src/taskpane/host";

describe("the workbook the panels write to", () => {
  it("is one memory workbook for the whole session without Excel", async () => {
    const access = accessFor(NO_HOST);
    expect(access.kind).toBe("memory");
    const first = await access.port();
    expect(first).toBeInstanceOf(MemoryWorkbook);
    expect(await access.port()).toBe(first);
  });

  it("loads the memory adapter on first use, not before, and once", async () => {
    const memory = new MemoryWorkbook();
    const load = jest.fn(async () => memory);
    const access = memoryAccess(undefined, load);
    expect(load).not.toHaveBeenCalled();
    expect(await access.port()).toBe(memory);
    expect(await access.port()).toBe(memory);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it("is the Office adapter inside Excel, loaded on first use, not before", () => {
    const load = jest.fn(async () => new MemoryWorkbook());
    const access = officeAccess(load);
    expect(access.kind).toBe("office");
    expect(load).not.toHaveBeenCalled();
    expect(accessFor({ host: "Excel", platform: "PC" }).kind).toBe("office");
  });

  it("loads the adapter once, and again after a failed load (e.g. the chunk did not arrive)", async () => {
    const port = new MemoryWorkbook();
    const load = jest.fn<Promise<MemoryWorkbook>, []>().mockRejectedValueOnce(new Error("Loading chunk office-workbook failed.")).mockResolvedValue(port);
    const access = officeAccess(load);
    await expect(access.port()).rejects.toThrow("Loading chunk office-workbook failed.");
    expect(await access.port()).toBe(port);
    expect(await access.port()).toBe(port);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it("gives every later caller the workbook a file opened replaced it with", async () => {
    const first = new MemoryWorkbook();
    const opened = new MemoryWorkbook();
    const access = memoryAccess(first);
    expect(await access.port()).toBe(first);
    access.replace(opened);
    expect(await access.port()).toBe(opened);
    // replaced before the first use: the lazily made one is never loaded
    const load = jest.fn(async () => new MemoryWorkbook());
    const fresh = memoryAccess(undefined, load);
    fresh.replace(opened);
    expect(await fresh.port()).toBe(opened);
    expect(load).not.toHaveBeenCalled();
  });

  it("can wrap a given memory workbook", async () => {
    const memory = new MemoryWorkbook();
    expect(await memoryAccess(memory).port()).toBe(memory);
  });
});
