import fc from 'fast-check';

// Property tests draw the same cases on every run (CI included), so a run is repeatable and a
// failure can be replayed. To explore new cases, run with FC_SEED=random (or another number).
const seed = process.env.FC_SEED;
if (seed !== 'random') fc.configureGlobal({ seed: seed ? Number(seed) : 20261202 });
