// The few Playwright members these tests use beyond vscodeHost.ts's minimal types, and the
// little DOM that functions evaluated in the page touch (typed here, so the repository's
// TypeScript program stays free of the DOM library).
import type { Locator, Page } from "../vscodeHost";

export interface RichLocator extends Locator {
  click(options?: { timeout?: number; button?: "left" | "right" | "middle" }): Promise<void>;
  getAttribute(name: string): Promise<string | null>;
  scrollIntoViewIfNeeded(): Promise<void>;
  hover(): Promise<void>;
  isEnabled(): Promise<boolean>;
  evaluate<R>(fn: (element: PageElement) => R): Promise<R>;
}

export interface RichPage extends Page {
  evaluate<R>(fn: () => R): Promise<R>;
}

export const rich = (locator: Locator): RichLocator => locator as RichLocator;
export const richPage = (page: Page): RichPage => page as RichPage;

export interface PageElement {
  getAttribute(name: string): string | null;
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): ArrayLike<PageElement> & Iterable<PageElement>;
  textContent: string | null;
}

export interface PageCanvas extends PageElement {
  width: number;
  height: number;
  getContext(kind: "2d"): { getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> } } | null;
}
