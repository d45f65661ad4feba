import type { WellbeingBand } from '../../../lib/wellbeing';
import type { Fmt } from '../fmt';

// The fortnightly wellbeing check: the WHO-5 Well-Being Index in its published wording (items,
// time frame and answers word for word: a validated questionnaire loses its meaning when
// paraphrased), Tandem's own words around it, and the trend in Insights. Never a diagnosis.

export const wellbeing = (f: Fmt) => {
  const bands: Record<WellbeingBand, string> = {
    veryLow: 'Very low: life has felt heavy lately.',
    low: 'Low: things have been harder than usual.',
    fair: 'Fair: some good times, some harder ones.',
    good: 'Good: you have felt well much of the time.',
  };
  return {
    // Published WHO-5 wording (English), verbatim.
    who5: {
      stem: 'Over the last two weeks',
      items: [
        'I have felt cheerful and in good spirits',
        'I have felt calm and relaxed',
        'I have felt active and vigorous',
        'I woke up feeling fresh and rested',
        'My daily life has been filled with things that interest me',
      ] as readonly string[],
      answers: ['At no time', 'Some of the time', 'Less than half of the time', 'More than half of the time', 'Most of the time', 'All of the time'] as readonly string[],
    },
    credit:
      'WHO-5 Well-Being Index, WHO Regional Office for Europe and Psychiatric Research Unit, Mental Health Centre North Zealand (1998). Free to use.',
    /** Only where the published wording could not be found in this language; '' here. */
    languageNote: '',
    offerHeading: 'A short wellbeing check',
    offerIntro: 'Every two weeks Tandem offers five short statements about how life has been lately. About a minute. Take it or skip it: it’s yours.',
    start: 'Start the check',
    skip: 'Skip this time',
    skipped: 'Skipped. It will be offered again in two weeks.',
    formHeading: 'Wellbeing check (WHO-5)',
    formIntro: 'For each statement, pick the answer closest to how you have been feeling.',
    save: 'Save my answers',
    cancel: 'Not now',
    missing: (n: number) => f.plural(n, { one: 'One statement has no answer yet.', other: '# statements have no answer yet.' }),
    saved: (score: number) => `Saved. Your score: ${f.number(score)} of 100.`,
    // Insights.
    trendHeading: 'Wellbeing (WHO-5)',
    trendIntro: 'Your score from the check every two weeks, from 0 to 100: higher means you felt better. It is a way to notice how life is going, not a diagnosis.',
    none: 'No wellbeing check yet. It is offered on the Check in page, once every two weeks.',
    latest: (score: number, when: string) => `Latest: ${f.number(score)} of 100, ${when}.`,
    bands,
    since: (from: number, to: number) =>
      to > from
        ? `Up from ${f.number(from)} the time before.`
        : to < from
          ? `Down from ${f.number(from)} the time before.`
          : `The same as the time before.`,
    talk: 'A low score is worth talking about. You could share it with your mentor, or with a doctor or counsellor.',
    crisis: 'Open the crisis sheet',
    tableCaption: 'Wellbeing scores',
    dateHead: 'Date',
    scoreHead: 'Score (0–100)',
    bandHead: 'In plain words',
    // The mentor link.
    shareOption: 'Wellbeing check scores (WHO-5)',
    shareOptionHint: 'Off unless you tick it.',
    viewerHeading: 'Wellbeing (WHO-5)',
    viewerLatest: (name: string, score: number) => `${name}’s latest wellbeing score: ${f.number(score)} of 100.`,
    viewerNote: 'From the WHO-5 check every two weeks; higher means they felt better. Not a diagnosis.',
  };
};
