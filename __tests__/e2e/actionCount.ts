// Counts what an editor does on a journey, the way docs/architecture.md ("Measuring
// the editor's journey") defines it: every click and every key press that is not
// part of typing a value. Typing a value costs nothing; reaching its field costs a
// click. A native select costs two (open, choose). Each step is logged by name so a
// count can be read back step by step.
import type { Locator, Page } from 'playwright-core';

export class ActionCount {
  readonly steps: string[] = [];

  constructor(readonly page: Page) {}

  get total(): number {
    return this.steps.length;
  }

  private count(n: number, what: string) {
    for (let i = 0; i < n; i++) this.steps.push(what);
  }

  /** A click on a link, button, checkbox, radio or list option. */
  async click(target: Locator, what: string): Promise<void> {
    this.count(1, `click ${what}`);
    await target.click();
  }

  /** Click into a field, then type its value (the typing is free). */
  async type(target: Locator, value: string, what: string): Promise<void> {
    this.count(1, `focus ${what}`);
    await target.click();
    await target.fill(value);
  }

  /** Open a native select and pick an option: two actions. */
  async choose(target: Locator, label: string, what: string): Promise<void> {
    this.count(2, `choose ${what}`);
    await target.selectOption({ label });
  }

  /** A key press that is not part of a value: Enter, Tab, a shortcut. */
  async press(key: string, what: string): Promise<void> {
    this.count(1, `key ${key} (${what})`);
    await this.page.keyboard.press(key);
  }
}
