import { expect, type Page } from '@playwright/test';
import { openView } from './browser';
import { pseudoText } from '../../components/i18n/pseudo';
import { expectAccessible, pwaTest as test } from './fixtures';

// Every word on every screen comes from the catalogue. In the pseudo-locale each catalogue text
// is fenced in ⟦ ⟧, so a text node (or an accessible name) with letters and no fence was typed
// into a component: it would stay English for a Spanish speaker.

/** Chooses the language on this device the way Settings keeps it (idb-keyval's store), then reloads. */
async function chooseLanguage(page: Page, code: string) {
  await page.evaluate(
    (value) =>
      new Promise<void>((done, fail) => {
        const open = indexedDB.open('tandem-settings');
        open.onupgradeneeded = () => open.result.createObjectStore('values');
        open.onsuccess = () => {
          const tx = open.result.transaction('values', 'readwrite');
          tx.objectStore('values').put(value, 'language');
          tx.oncomplete = () => {
            open.result.close();
            done();
          };
          tx.onerror = () => fail(tx.error);
        };
        open.onerror = () => fail(open.error);
      }),
    code,
  );
  await page.reload();
}

/** Texts and accessible names with letters that did not come from the catalogue. */
function unfenced(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const letters = /\p{L}/u;
    const bad: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = (node.textContent ?? '').trim();
      const parent = node.parentElement;
      if (!text || !letters.test(text) || parent?.closest('script, style, [data-user-text]')) continue;
      if (!text.includes('⟦')) bad.push(`text: ${text.slice(0, 80)}`);
    }
    for (const el of document.querySelectorAll('[aria-label], [title], [placeholder], [alt], [aria-roledescription]')) {
      for (const name of ['aria-label', 'title', 'placeholder', 'alt', 'aria-roledescription']) {
        const value = el.getAttribute(name);
        if (value && letters.test(value) && !value.includes('⟦')) bad.push(`${name}: ${value.slice(0, 80)}`);
      }
    }
    if (letters.test(document.title) && !document.title.includes('⟦')) bad.push(`title: ${document.title}`);
    return bad;
  });
}

test('in the pseudo-locale every text on every screen comes from the catalogue', async ({ page, server }) => {
  await page.goto(server.url);
  await expect(page.getByRole('heading', { name: 'How are you right now?' })).toBeVisible();
  // The check can fail: in English, it finds the screen's words unfenced.
  expect((await unfenced(page)).length).toBeGreaterThan(10);
  await chooseLanguage(page, 'pseudo');
  await expect(page.getByRole('heading', { name: pseudoText('How are you right now?') })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  const seen: Record<string, string[]> = {};
  const check = async (screen: string) => {
    // Let the live queries settle before reading the page.
    await page.waitForTimeout(300);
    const bad = await unfenced(page);
    if (bad.length > 0) seen[screen] = bad;
  };

  // A check-in by key, so the day's list, the streak and the micro-win form show.
  await page.keyboard.press('3');
  await check('check in');
  const views = await page.getByRole('navigation').getByRole('button').all();
  expect(views.length).toBeGreaterThanOrEqual(6);
  for (let i = 0; i < views.length; i++) {
    await page.getByRole('navigation').getByRole('button').nth(i).click();
    await check(`view ${i + 1}`);
    if (i === 0) {
      // The hard-moment sheets and the crisis sheet open from here.
      for (const name of ['I got through a hard moment', 'I had a setback']) {
        await page.getByRole('button', { name: pseudoText(name) }).click();
        await expect(page.getByRole('dialog', { name: pseudoText(name) })).toBeVisible();
        await check(name);
        await page.keyboard.press('Escape');
      }
    }
  }
  await page.getByRole('navigation').getByRole('button', { name: pseudoText('Mentor links') }).click();
  await page.getByRole('button', { name: pseudoText('Share with mentor') }).click();
  await expect(page.getByRole('dialog', { name: pseudoText('Share with mentor') })).toBeVisible();
  await check('share dialog');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: pseudoText('Crisis sheet') }).first().click();
  await expect(page.getByRole('dialog', { name: pseudoText('Crisis sheet') })).toBeVisible();
  await check('crisis sheet');
  await page.keyboard.press('Escape');
  expect(seen).toEqual({});
});

/** A person whose browser speaks Spanish. */
async function spanishPage(pwaBrowser: import('@playwright/test').Browser, url: string) {
  const context = await pwaBrowser.newContext({ locale: 'es-ES' });
  const page = await context.newPage();
  await page.goto(url);
  await expect(page.getByRole('heading', { name: '¿Cómo estás ahora mismo?' })).toBeVisible();
  return page;
}

const inSpanish = (page: Page, view: string) => openView(page, view, 'Secciones');

test('in Spanish: a check-in by click and by key, a hard moment got through, the crisis sheet, axe clean', async ({ pwaBrowser, server }) => {
  const page = await spanishPage(pwaBrowser, server.url);
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await page.getByRole('button', { name: /^4 Bien/ }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Gracias por contar cómo estás' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Pequeño logro' }).fill('Fui andando al trabajo');
  await page.keyboard.press('Enter');
  await expect(page.getByText('Logro guardado. ¡Bien hecho!')).toBeVisible();
  await page.getByRole('heading', { name: '¿Cómo estás ahora mismo?' }).click();
  await page.keyboard.press('2');
  await expect(page.getByText('Racha de 1 día')).toBeVisible();
  await expectAccessible(page, 'check-in (es)');

  await page.getByRole('button', { name: 'Superé un momento difícil' }).click();
  const sheet = page.getByRole('dialog', { name: 'Superé un momento difícil' });
  await sheet.getByRole('button', { name: 'Cansancio' }).click();
  await sheet.getByRole('button', { name: 'Guardar la reflexión' }).click();
  await sheet.getByRole('button', { name: 'Listo' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Has superado un momento difícil. Eso ya es un logro.' })).toBeVisible();

  await page.getByRole('button', { name: 'Ayuda para una crisis' }).click();
  const crisis = page.getByRole('dialog', { name: 'Ayuda para una crisis' });
  await expect(crisis.getByRole('button', { name: 'Empezar el temporizador' })).toBeVisible();
  await expectAccessible(page, 'crisis sheet (es)');
  await page.keyboard.press('Escape');
  await expect(crisis).toBeHidden();
  await page.context().close();
});

test('in Spanish: a mentor link reads in each mentor’s own language, and a backup restores', async ({ pwaBrowser, server }) => {
  const page = await spanishPage(pwaBrowser, server.url);
  await page.getByRole('button', { name: /^5 Muy bien/ }).click();
  await page.getByRole('textbox', { name: 'Pequeño logro' }).fill('Llamé a mi hermana');
  await page.keyboard.press('Enter');
  await expect(page.getByText('Logro guardado. ¡Bien hecho!')).toBeVisible();

  await inSpanish(page, 'Enlaces para tu mentor');
  await page.getByRole('button', { name: 'Compartir con tu mentor o mentora' }).click();
  const dialog = page.getByRole('dialog', { name: 'Compartir con tu mentor o mentora' });
  await dialog.getByRole('textbox', { name: 'Tu nombre, tal como lo verá tu mentor o mentora' }).fill('Ana');
  await dialog.getByRole('textbox', { name: /Nombre de tu mentor o mentora/ }).fill('Luis');
  await expect(dialog.getByRole('region', { name: /Vista previa/ })).toContainText('Llamé a mi hermana');
  await expectAccessible(page, 'share dialog (es)');
  await dialog.getByRole('button', { name: 'Crear el enlace' }).click();
  await expect(dialog.getByRole('heading', { name: 'Tu enlace está listo' })).toBeFocused({ timeout: 20_000 });
  const link = await dialog.getByRole('textbox', { name: 'Enlace para tu mentor o mentora' }).inputValue();
  const onServer = (l: string) => server.url + 'viewer.html' + new URL(l).hash;

  for (const [locale, readOnly, streak] of [
    ['es-ES', 'Solo lectura', 'Racha actual: 1 día'],
    ['en-GB', 'Read-only', 'Current streak: 1 day'],
  ] as const) {
    const mentor = await pwaBrowser.newContext({ locale });
    const viewer = await mentor.newPage();
    await viewer.goto(onServer(link));
    await expect(viewer.getByText(readOnly, { exact: true })).toBeVisible();
    await expect(viewer.getByText(streak)).toBeVisible();
    await expect(viewer.getByText('Llamé a mi hermana')).toBeVisible();
    await expectAccessible(viewer, `viewer (${locale})`);
    await mentor.close();
  }

  await page.keyboard.press('Escape');
  await inSpanish(page, 'Ajustes');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Guardar la copia de seguridad' }).click();
  const path = await (await downloading).path();
  const other = await spanishPage(pwaBrowser, server.url);
  await inSpanish(other, 'Ajustes');
  await other.getByLabel('Elegir una copia de seguridad o un archivo de traspaso').setInputFiles(path!);
  await expect(other.getByRole('heading', { name: 'Lo que cambiaría este archivo' })).toBeFocused();
  await expectAccessible(other, 'import preview (es)');
  await other.getByRole('button', { name: 'Añadir a mis datos' }).click();
  await expect(other.getByText(/^Hecho: 2 nuevos, 0 actualizados, 0 borrados, 0 sin cambios\.$/)).toBeVisible();
  await inSpanish(other, 'Registrar');
  await expect(other.getByText('Racha de 1 día')).toBeVisible();
  await other.context().close();
  await page.context().close();
});

test('Settings can choose another language than the browser’s, kept on this device', async ({ pwaBrowser, server }) => {
  const page = await spanishPage(pwaBrowser, server.url);
  await inSpanish(page, 'Ajustes');
  await page.getByRole('combobox', { name: 'Idioma' }).selectOption({ label: 'English' });
  // The page reloads on the same view, now in English, and stays so.
  await expect(page.getByRole('combobox', { name: 'Language' })).toHaveValue('en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.reload();
  await openView(page, 'Check in');
  await expect(page.getByRole('heading', { name: 'How are you right now?' })).toBeVisible();
  await page.context().close();
});
