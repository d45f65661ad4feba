import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { drawShell } from '../components/app/shell';

// A classic script the popup page runs before its modules: it draws the first screen kept from
// the last open (components/app/shell.ts), so the mood buttons are there at once.
export default defineUnlistedScript(() => drawShell(window));
