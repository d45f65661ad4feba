import { expect, type Page } from '@playwright/test';

// The settings' week plan, used the way a person does: by the controls' accessible names.

export const WEEK = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

export const windowStart = (page: Page, day: string, n = 1) => page.getByLabel(`${day}, window ${n} starts`, { exact: true });
export const windowEnd = (page: Page, day: string, n = 1) => page.getByLabel(`${day}, window ${n} ends`, { exact: true });

/** Every day of the week, the whole day (Monday copied to the weekdays, the weekend added). */
export async function remindAllDayEveryDay(page: Page): Promise<void> {
  await windowStart(page, 'Monday').fill('00:00');
  await windowEnd(page, 'Monday').fill('00:00');
  await page.getByRole('button', { name: 'Copy Monday to all weekdays' }).click();
  await expect(windowStart(page, 'Friday')).toHaveValue('00:00');
  for (const day of ['Saturday', 'Sunday']) {
    await page.getByRole('button', { name: `Add a window on ${day}` }).click();
    await windowStart(page, day).fill('00:00');
    await windowEnd(page, day).fill('00:00');
  }
}

/** Removes every window of every day. */
export async function clearWeekPlan(page: Page): Promise<void> {
  for (const day of WEEK) {
    const remove = page.getByRole('button', { name: new RegExp(`^Remove ${day}, window \\d+$`) });
    while ((await remove.count()) > 0) await remove.first().click();
  }
}
