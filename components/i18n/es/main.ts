// Scaffolding until the Spanish text is written: the English section, unchanged.
export { main } from '../en/main';
