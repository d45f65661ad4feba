import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { drawShell } from '../components/app/shell';
import { warmDatabases } from '../lib/db/openingRead';
import { DB_NAME, VALUES_DB_NAME } from '../lib/db/version';

// A classic script the popup page runs before its modules: it draws the first screen kept from
// the last open (components/app/shell.ts), so the mood buttons are there at once, and opens the
// databases the streak is read from, so that read finds them open.
export default defineUnlistedScript(() => {
  warmDatabases(indexedDB, [DB_NAME, VALUES_DB_NAME]);
  drawShell(window);
});
