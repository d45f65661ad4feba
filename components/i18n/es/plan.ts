// Scaffolding until the Spanish text is written: the English section, unchanged.
export { plan } from '../en/plan';
