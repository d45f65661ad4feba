// Scaffolding until the Spanish text is written: the English section, unchanged.
export { share } from '../en/share';
