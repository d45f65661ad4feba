// Scaffolding until the Spanish text is written: the English section, unchanged.
export { reflect } from '../en/reflect';
