import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { engineRanker, evaluate, measureSmallCorpora } from '../../scripts/eval.js';
import { readCorpus } from '../../scripts/lib/corpus-fs.js';
import { readQuestions } from '../../scripts/lib/questions.js';
import { DATASETS_DIR, HAS_CRANFIELD, HAS_SQUAD, REPO_ROOT } from './datasets.js';

// Quality regression guard: a fixed subset of each public set, asked through
// the same engineRanker() as `npm run eval`. The recorded figures are those of
// docs/quality.md's current configuration; a change that loses more than
// MARGIN on nDCG@10, Hit@1 or (public sets) Hit@5 fails here. Improve the ranking, then raise them.
const MARGIN = 0.01;
const RECORDED = {
  cranfield: { questions: 225, 'ndcg@10': 0.4393, 'hit@1': 0.3867, 'hit@5': 0.8533 },
  squad: { questions: 1000, 'ndcg@10': 0.874, 'hit@1': 0.764, 'hit@5': 0.944 },
};
// Made-up documents in the layouts people have (test/fixtures/structured, -2 to -23, asked with
// --judge phrases): what each set holds, and its recorded figures.
const STRUCTURED = {
  'structured': { kinds: 'a lease, a manual page, recipes, benefits, API docs, FAQs, a syllabus', questions: 250, 'ndcg@10': 0.8856, 'hit@1': 0.816, 'answer@1': 0.788 },
  'structured-2': { kinds: 'a handbook, a privacy policy, a changelog, a CLI reference, a leaflet, game rules, a hotel page', questions: 118, 'ndcg@10': 0.9422, 'hit@1': 0.9068, 'answer@1': 0.8644 },
  'structured-3': { kinds: 'a billing FAQ, a recipe, lab rules, rental terms, a bus schedule', questions: 50, 'ndcg@10': 0.9426, 'hit@1': 0.92, 'answer@1': 0.92 },
  'structured-4': { kinds: 'a conference page, a quick start guide, museum hours, a glossary, a postmortem, a biography, minutes', questions: 64, 'ndcg@10': 0.9152, 'hit@1': 0.8594, 'answer@1': 0.8281 },
  'structured-5': { kinds: 'a library FAQ, a plan matrix, a menu, a tax guide, a closure email, campsite rules', questions: 51, 'ndcg@10': 0.9659, 'hit@1': 0.9412, 'answer@1': 0.8824 },
  'structured-6': { kinds: 'a product catalogue, baggage rules, a transcript, a config reference, a checklist, a vet FAQ', questions: 48, 'ndcg@10': 0.9611, 'hit@1': 0.9375, 'answer@1': 0.8542 },
  'structured-7': { kinds: 'a wedding FAQ, a town history, a fee table, refund rules, league rules, an email thread', questions: 45, 'ndcg@10': 0.8903, 'hit@1': 0.8667, 'answer@1': 0.8 },
  'structured-8': { kinds: 'a passport page, a manual from a PDF, an API reference, a timetable, membership terms, an allergy policy', questions: 42, 'ndcg@10': 0.9317, 'hit@1': 0.9048, 'answer@1': 0.8571 },
  'structured-9': { kinds: 'a CLI tutorial, a hospital page, a flat listing, scholarship records, a recall notice, a password policy', questions: 39, 'ndcg@10': 0.9649, 'hit@1': 0.9487, 'answer@1': 0.8462 },
  'structured-10': { kinds: 'car hire terms, an allotment newsletter, an IT help page, a festival page, a tenant handbook', questions: 36, 'ndcg@10': 0.9512, 'hit@1': 0.9444, 'answer@1': 0.9167 },
  'structured-11': { kinds: 'support macros, a pool FAQ, release notes, a CLI README, a leave policy', questions: 30, 'ndcg@10': 0.9877, 'hit@1': 0.9667, 'answer@1': 0.9 },
  'structured-12': { kinds: 'a job posting, API error codes, term dates, a warranty, a forum thread, a gym timetable, a dosage page', questions: 45, 'ndcg@10': 0.8879, 'hit@1': 0.8222, 'answer@1': 0.7778 },
  'structured-13': { kinds: 'an allergen table, a grant page, a troubleshooting table, a recipe card, a claim guide, courses, a changelog', questions: 43, 'ndcg@10': 0.9216, 'hit@1': 0.907, 'answer@1': 0.8372 },
  'structured-14': { kinds: 'a product page, a runbook, a hire contract, meeting notes, a library FAQ', questions: 34, 'ndcg@10': 0.9631, 'hit@1': 0.9412, 'answer@1': 0.8235 },
  'structured-15': { kinds: 'a news article, a CONTRIBUTING.md, a coffee machine manual, a conference programme, an encyclopaedia article', questions: 48, 'ndcg@10': 0.9769, 'hit@1': 0.9375, 'answer@1': 0.9167 },
  'structured-16': { kinds: 'a licence page, a pricing page, house rules, a medical practice page, a booking email', questions: 44, 'ndcg@10': 0.881, 'hit@1': 0.8409, 'answer@1': 0.75 },
  'structured-17': { kinds: 'a parking permit page, a VPN guide, a pet insurance summary, a conference FAQ, a glossary of abbreviations', questions: 55, 'ndcg@10': 0.8142, 'hit@1': 0.7636, 'answer@1': 0.7273 },
  'structured-18': { kinds: 'a race information pack, a router set-up page, a nursery handbook, a security advisory, a volunteering FAQ', questions: 61, 'ndcg@10': 0.8642, 'hit@1': 0.8033, 'answer@1': 0.7213 },
  'structured-19': { kinds: "an energy tariff, a car owner's guide, a coworking member guide, a summer camp FAQ, exam regulations", questions: 65, 'ndcg@10': 0.8438, 'hit@1': 0.7692, 'answer@1': 0.6923 },
  'structured-20': { kinds: 'a dental leaflet, a bike share page, a move-in guide, a school trip letter, a makerspace FAQ', questions: 65, 'ndcg@10': 0.8465, 'hit@1': 0.7846, 'answer@1': 0.6923 },
  'structured-21': { kinds: 'a hotel guest directory, a council bins page, a driving school FAQ, a billing help article, a swimming pool guide', questions: 65, 'ndcg@10': 0.652, 'hit@1': 0.5231, 'answer@1': 0.4 },
  'structured-22': { kinds: 'an airline baggage page, a tenant handbook, a library guide, phone plan terms, a plant nursery page', questions: 65, 'ndcg@10': 0.791, 'hit@1': 0.7231, 'answer@1': 0.5846 },
  'structured-23': { kinds: 'a museum visitor page, car hire terms, a student halls guide, a bike share FAQ, a summer camp handbook', questions: 65, 'ndcg@10': 0.7241, 'hit@1': 0.6308, 'answer@1': 0.4923 },
};
// Issue 4's abstention targets: at least 90 % of questions asked of the other
// set's corpus abstain, at most 3 % of answerable SQuAD questions do.
const MIN_CROSS_ABSTAINED = 0.9;
const MAX_ANSWERABLE_ABSTAINED = 0.03;
// Small corpora (the first 5 paragraphs of each SQuAD article, about 9
// passages, the seed article's size; `npm run eval -- --small-corpora 5`):
// recorded 3.1 % of their own questions abstain, 97.0 % of other articles' do (5.4 % and
// 98.5 % before session 24 lent word-vector neighbours to the words a corpus lacks).
const SMALL = { records: 5, maxAnswerableAbstained: 0.11, minOffTopicAbstained: 0.97 };

async function measure(set: string, questions: number, corpusSet = set) {
  const ranker = await engineRanker(path.join(DATASETS_DIR, corpusSet, 'corpus.jsonl'), () => {});
  const qs = (await readQuestions(path.join(DATASETS_DIR, set, 'questions.jsonl'))).slice(0, questions);
  return evaluate(ranker, qs);
}

describe('answer quality does not regress', () => {
  it.skipIf(!HAS_CRANFIELD)('keeps Cranfield nDCG@10, Hit@1 and Hit@5 (all 225 questions)', async () => {
    const s = await measure('cranfield', RECORDED.cranfield.questions);
    expect(s['ndcg@10']).toBeGreaterThanOrEqual(RECORDED.cranfield['ndcg@10'] - MARGIN);
    expect(s['hit@1']).toBeGreaterThanOrEqual(RECORDED.cranfield['hit@1'] - MARGIN);
    expect(s['hit@5']).toBeGreaterThanOrEqual(RECORDED.cranfield['hit@5'] - MARGIN);
  }, 60_000);

  it.skipIf(!HAS_SQUAD)('keeps SQuAD nDCG@10, Hit@1 and Hit@5 (first 1,000 questions)', async () => {
    const s = await measure('squad-v1.1-dev', RECORDED.squad.questions);
    expect(s['ndcg@10']).toBeGreaterThanOrEqual(RECORDED.squad['ndcg@10'] - MARGIN);
    expect(s['hit@1']).toBeGreaterThanOrEqual(RECORDED.squad['hit@1'] - MARGIN);
    expect(s['hit@5']).toBeGreaterThanOrEqual(RECORDED.squad['hit@5'] - MARGIN);
    expect(s.abstained).toBeLessThanOrEqual(MAX_ANSWERABLE_ABSTAINED);
  }, 60_000);

  it.skipIf(!HAS_CRANFIELD || !HAS_SQUAD)('answers "no answer" to questions asked of the other set\'s corpus', async () => {
    const squadOfCranfield = await measure('squad-v1.1-dev', RECORDED.squad.questions, 'cranfield');
    const cranfieldOfSquad = await measure('cranfield', RECORDED.cranfield.questions, 'squad-v1.1-dev');
    expect(squadOfCranfield.abstained).toBeGreaterThanOrEqual(MIN_CROSS_ABSTAINED);
    expect(cranfieldOfSquad.abstained).toBeGreaterThanOrEqual(MIN_CROSS_ABSTAINED);
  }, 60_000);

  it.skipIf(!HAS_SQUAD)('answers most questions of small corpora and still refuses off-topic ones', async () => {
    const corpus = await readCorpus(path.join(DATASETS_DIR, 'squad-v1.1-dev/corpus.jsonl'));
    const qs = await readQuestions(path.join(DATASETS_DIR, 'squad-v1.1-dev/questions.jsonl'));
    const s = measureSmallCorpora(corpus.documents, qs, SMALL.records);
    expect(s.medianPassages).toBeLessThanOrEqual(12);
    expect(s.answerableAbstained).toBeLessThanOrEqual(SMALL.maxAnswerableAbstained);
    expect(s.offTopicAbstained).toBeGreaterThanOrEqual(SMALL.minOffTopicAbstained);
  }, 60_000);

  it.skipIf(!HAS_SQUAD)('answers "no answer" to SQuAD questions asked of the seed article', async () => {
    const ranker = await engineRanker(path.join(REPO_ROOT, 'corpus'), () => {});
    const qs = (await readQuestions(path.join(DATASETS_DIR, 'squad-v1.1-dev/questions.jsonl'))).slice(0, RECORDED.squad.questions);
    expect(evaluate(ranker, qs).abstained).toBeGreaterThanOrEqual(SMALL.minOffTopicAbstained);
  }, 60_000);

  it.each(Object.entries(STRUCTURED).map(([set, recorded]) => [set, recorded.kinds, recorded] as const))(
    'keeps nDCG@10, Hit@1 and answer@1 on documents with structure (test/fixtures/%s: %s)',
    async (set, _kinds, recorded) => {
      const ranker = await engineRanker(path.join(REPO_ROOT, `test/fixtures/${set}/corpus`), () => {}, { judge: 'phrases' });
      const s = evaluate(ranker, await readQuestions(path.join(REPO_ROOT, `test/fixtures/${set}/questions.jsonl`)));
      expect(s.questions).toBe(recorded.questions);
      expect(s['ndcg@10']).toBeGreaterThanOrEqual(recorded['ndcg@10'] - MARGIN);
      expect(s['hit@1']).toBeGreaterThanOrEqual(recorded['hit@1'] - MARGIN);
      // The first answer's quote holds an answer phrase.
      expect(s['answer@1']).toBeGreaterThanOrEqual(recorded['answer@1'] - MARGIN);
    },
  );

  it('ranks the passage holding the answer first for every seed question', async () => {
    const ranker = await engineRanker(path.join(REPO_ROOT, 'corpus'), () => {}, { judge: 'phrases' });
    const qs = await readQuestions(path.join(REPO_ROOT, 'test/fixtures/seed-questions.jsonl'));
    const s = evaluate(ranker, qs);
    expect(s.questions).toBeGreaterThanOrEqual(20);
    expect(s['hit@1']).toBe(1);
    expect(s.abstained).toBe(0);
    // The first answer's quote holds the answer phrase for every seed question ("How much did Meta
    // pay for Scale AI?" too: its "$14 billion" is in a sentence that says "The company", quoted with the one before).
    expect(s['answer@1']).toBe(1);
  });
});
