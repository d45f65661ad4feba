// Scaffolding until the Spanish text is written: the English section, unchanged.
export { data } from '../en/data';
