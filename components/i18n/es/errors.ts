// Scaffolding until the Spanish text is written: the English section, unchanged.
export { errors } from '../en/errors';
