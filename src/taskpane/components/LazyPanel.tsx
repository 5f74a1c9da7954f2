import { useEffect, useState, type ReactNode } from "react";
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Spinner } from "@fluentui/react-components";

export interface LazyPanelProps {
  /** Whether the panel's tab is shown: the chunk is fetched the first time it is. */
  active: boolean;
  /** Fetches the panel's code; a failure is shown with "Coba lagi" (lazyChunk does not cache it). */
  load: () => Promise<(state: { active: boolean }) => ReactNode>;
}

type Loaded = { status: "idle" } | { status: "loading" } | { status: "ready"; render: (state: { active: boolean }) => ReactNode } | { status: "failed"; message: string };

/** A panel whose code is its own chunk, fetched when its tab is first opened. */
export function LazyPanel({ active, load }: LazyPanelProps) {
  const [loaded, setLoaded] = useState<Loaded>({ status: "idle" });

  const fetchPanel = () => {
    setLoaded({ status: "loading" });
    load().then(
      (render) => setLoaded({ status: "ready", render }),
      (error: unknown) => setLoaded({ status: "failed", message: error instanceof Error ? error.message : String(error) }),
    );
  };

  useEffect(() => {
    if (active && loaded.status === "idle") fetchPanel();
  }, [active, loaded.status]);

  switch (loaded.status) {
    case "idle":
      return null;
    case "loading":
      return <Spinner size="small" label="Memuat panel…" />;
    case "failed":
      return (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>
            <MessageBarTitle>Panel tidak dapat dimuat</MessageBarTitle>
            Kode panel ini belum terunduh. Periksa sambungan ke server add-in, lalu coba lagi. (Rincian: {loaded.message})
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={fetchPanel}>Coba lagi</Button>
          </MessageBarActions>
        </MessageBar>
      );
    case "ready":
      return <>{loaded.render({ active })}</>;
  }
}
