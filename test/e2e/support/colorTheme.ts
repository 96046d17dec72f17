// Switches VS Code's colour theme as a user does: the "Preferences: Color Theme" picker, then the
// theme by name (labels as code-server 4.139 ships them). Rows are clicked by their exact
// label: the palette's first row for a typed text is not always the command wanted.
import type { Page } from "../vscodeHost";

export type ThemeLabel = "Dark Modern" | "Light Modern" | "Dark High Contrast" | "Light High Contrast";

export async function setColorTheme(page: Page, theme: ThemeLabel): Promise<void> {
  const row = (text: RegExp) => page.locator(".quick-input-list .monaco-list-row", { hasText: text }).first();
  await page.keyboard.press("F1");
  await page.locator(".quick-input-widget input").waitFor({ state: "visible" });
  await page.keyboard.type("Preferences: Color Theme");
  await row(/^Preferences: Color Theme/).click();
  await page.waitForTimeout(500);
  await page.keyboard.type(theme);
  await row(new RegExp(`^${theme}`)).click();
}
