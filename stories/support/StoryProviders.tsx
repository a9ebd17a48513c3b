/**
 * What every story is rendered in, as an app would: its own QueryClient (fresh per story, no
 * retries so forced failures show at once), and StiggProvider on the story's backend with
 * `navigate` captured: a checkout URL becomes a Storybook action and a visible note, and the
 * browser never leaves Storybook. A story that sets `parameters.upgradeKit.checkout` gets embedded
 * checkout instead (made once per story load).
 */
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useCallback, useState, type CSSProperties, type ReactNode } from "react";
import { action } from "storybook/actions";
import { StiggProvider } from "../../src/index.js";
import { DEMO_CUSTOMER_ID } from "../../demo/catalog.js";
import { storyEndpoint, type UpgradeKitParameters } from "./storyBackend.js";

export type StoryTheme = "light" | "dark";

const logNavigation = action("navigate");

const THEME_BACKGROUND: Record<StoryTheme, CSSProperties> = {
  light: { background: "#ffffff", color: "#111827" },
  dark: { background: "#0b1020", color: "#f3f4f6" },
};

export interface StoryProvidersProps {
  storyId: string;
  parameters: UpgradeKitParameters | undefined;
  theme: StoryTheme;
  /** Fill the viewport with the theme's background (the canvas; not the docs page). */
  fill: boolean;
  children: ReactNode;
}

export function StoryProviders({ storyId, parameters = {}, theme, fill, children }: StoryProvidersProps) {
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { queries: { retry: false } } }));
  const [navigatedTo, setNavigatedTo] = useState<string | null>(null);
  const navigate = useCallback((url: string) => {
    logNavigation(url);
    setNavigatedTo(url);
  }, []);
  const customerId = parameters.customerId === undefined ? DEMO_CUSTOMER_ID : parameters.customerId;
  const endpoint = storyEndpoint(storyId);
  const [checkout] = useState(() => parameters.checkout?.({ endpoint }));

  // The theme wraps the provider, as an app's would, so the embedded checkout dialog (rendered by
  // the provider next to its children) follows the story's theme too.
  return (
    <QueryClientProvider client={queryClient}>
      <div
        data-theme={theme}
        style={{ ...THEME_BACKGROUND[theme], padding: 16, fontFamily: "system-ui, sans-serif", ...(fill && { minHeight: "100vh", boxSizing: "border-box" }) }}
      >
        <StiggProvider endpoint={endpoint} customerId={customerId} navigate={navigate} locale={parameters.locale} checkout={checkout}>
          {children}
        </StiggProvider>
        {navigatedTo && (
          <p role="status" data-testid="navigation" style={{ marginTop: 16, wordBreak: "break-all" }}>
            Navigated to {navigatedTo} <em>(captured by Storybook, not followed)</em>
          </p>
        )}
      </div>
    </QueryClientProvider>
  );
}
