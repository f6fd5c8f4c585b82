import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { stemmer } from 'stemmer';
import { EMAIL_THREAD, fixtureEngine } from './corpus-helpers.js';
import {
  abstentionThresholds,
  type AbstentionThresholds,
  analysePassage,
  answerSentence,
  answerSpan,
  answerTypeOf,
  ask,
  bestSentence,
  buildIndex,
  HOW_ADJECTIVES,
  loadEngine,
  MAX_LEAD_IN_ANSWER_CHARS,
  parseCorpusFile,
  parseTextFile,
  queryTerms,
  rank,
  RANKING,
  term,
  type AnswerType,
  type Passage,
  type PassageAnalysis,
} from '../../src/engine/index.js';

/** `p` analysed against `question`, every term of it weighing 1. */
function analysedAlike(p: Passage, question: string, answerType: AnswerType): PassageAnalysis {
  const terms = queryTerms(question);
  return analysePassage(p, { terms, idf: new Map(terms.map((t) => [t, 1])), answerType }, new Set());
}

function engineOf(files: Record<string, string>) {
  const docs = Object.entries(files).flatMap(([path, text]) => parseTextFile(path, text).documents);
  return loadEngine(buildIndex(docs, { corpusHash: 'test' }));
}

describe('answer type of a question', () => {
  it.each([
    ['When did Meta invest in Scale AI?', 'date'],
    ['In what year was the company founded?', 'date'],
    ['Which date did the treaty take effect?', 'date'],
    ['Which century was the castle built in?', 'date'],
    ['What time does school finish?', 'time'],
    ['what times is reception staffed', 'time'],
    ['At what time is check-in?', 'time'],
    ['What are the opening hours?', 'time'],
    ['what are the service desk opening hours', 'time'],
    ["What are the museum's opening hours?", 'time'],
    ['When are quiet hours?', 'time'],
    ['How many hours a week can I work from home?', 'number'],
    ['What hours a week do I have to work?', 'any'],
    ['What is the price for two hours?', 'money'],
    ['How long is an appointment?', 'duration'],
    ['How much time do I have to return it?', 'duration'],
    ['What is the charge for 3 extra hours?', 'money'],
    ['How many people knew of the change?', 'number'],
    ['How wide is the river at Basel?', 'number'],
    ['How quickly will my pull request be reviewed?', 'number'],
    ['How soon can I move in?', 'number'],
    ['How much did Meta pay?', 'money'],
    ['crash course prices', 'money'],
    ['parking fees', 'money'],
    ['cost of a day pass', 'money'],
    ['What are the prices for lessons?', 'money'],
    ['pool opening hours', 'time'],
    ['opening times of the tip in winter', 'time'],
    ['wifi password', 'any'],
    ['refund policy', 'any'],
    ['How much will the roof cost?', 'money'],
    ['What did Meta pay for Scale AI?', 'money'],
    ['What does a day pass cost?', 'money'],
    ["What's the fee for a late return?", 'money'],
    ['What did they pay for?', 'any'],
    ['What company paid for the ad?', 'any'],
    ['How much sugar goes in?', 'number'],
    ['How often do adult dogs need a booster?', 'frequency'],
    ['What percentage of Scale did Meta buy?', 'percent'],
    ['Who founded Scale?', 'name'],
    ['Who do I call when the surgery is closed?', 'contact'],
    ['Who should we email about a refund?', 'contact'],
    ['Whose model might Meta license?', 'name'],
    ['Where was Marenko born?', 'place'],
    ['Where did she study?', 'place'],
    ["What is the instructor's email?", 'contact'],
    ['Who do I contact about payroll?', 'contact'],
    ['What is the support phone number?', 'contact'],
    ['How do I delete my account?', 'instruction'],
    ['How can we export our notes?', 'instruction'],
    ['What do I do if my item arrived damaged?', 'instruction'],
    ['What is the cut off time?', 'time'],
    ["What's the check-in time?", 'time'],
    ['What are the closing times?', 'time'],
    ['What is the delivery time?', 'duration'],
    ["What's the average waiting time?", 'duration'],
    ['What is the request timeout?', 'any'],
    ['What should we do when the alarm sounds?', 'instruction'],
    ['What did I do wrong?', 'any'],
    ['How do I contact support?', 'contact'],
    ['What number do I call about the recall?', 'contact'],
    ['What number of seats does the hall have?', 'number'],
    ['How did Meta pay for Scale?', 'any'],
    ['What is Avocado?', 'any'],
    ['Do I need an appointment?', 'yesno'],
    ['Is there a free trial?', 'yesno'],
    ['Is there a fee to cancel my permit?', 'money'],
    ['Are there any late charges?', 'money'],
    ['Do I have to pay for returns?', 'money'],
    ['Does it cost extra to bring skis?', 'money'],
    ['Can the application fee be waived?', 'yesno'],
    ['Is there a penalty if my bill is paid late?', 'money'],
    ['Are there fines for late returns?', 'money'],
    ['What does standing charge mean on my bill?', 'any'],
    ['What is meant by a late payment charge?', 'any'],
    ["What's the meaning of 'time off in lieu'?", 'any'],
    ['Define standing charge', 'any'],
    ['Is there a charging point?', 'yesno'],
    ['Do you pay interest on savings?', 'yesno'],
    ['Will I be charged for a late return?', 'money'],
    ['Do they charge for parking?', 'money'],
    ['Why will Meta release closed models?', 'reason'],
    ['How old was Manning when he played Super Bowl 50?', 'number'],
    ['Where can I park when I visit the campus?', 'place'],
    ['What happens when the lease ends?', 'any'],
    ['How do I get notified when an entry is evicted?', 'instruction'],
    ['What is the name of the stadium where the final was played?', 'any'],
    ['When and where was she born?', 'date'],
    ['What is the name of the coach who was hired in 2015?', 'name'],
  ])('%j asks for a %s', (q, type) => {
    expect(answerTypeOf(q)).toBe(type);
  });

  it('prefers, for "how do I", the sentence that instructs over one that only names the action', () => {
    const engine = engineOf({
      'corpus/privacy.md': [
        '# Privacy',
        '## How long we keep data',
        '| Data | Kept for |\n|---|---|\n| Account data after you delete your account | 90 days |',
        '## Your rights',
        'You can ask for a copy of your data, correct it, or have it erased. To delete your account, go to Settings → Account → Delete account; this cannot be undone.',
      ].join('\n\n'),
    });
    expect(ask(engine, 'How do I delete my account?', 1).answers[0]?.answer).toBe('To delete your account, go to Settings → Account → Delete account; this cannot be undone.');
    // Getting in touch is an instruction too: "Email … to book one."
    const listing = engineOf({ 'corpus/flat.md': '# Flat for rent\n\nViewings are on Saturday mornings. Email lettings@canal.example to book one.' });
    expect(ask(listing, 'How do I book a viewing?', 1).answers[0]?.answer).toBe('Email lettings@canal.example to book one.');
  });
});

describe('a list item', () => {
  it('is quoted whole when its first sentence answers: the item is one thought', () => {
    const engine = engineOf({
      'corpus/filter.md': '# AquaPure 300\n\n## Error codes\n\n- **E2**: Water is leaking inside the housing. Turn off the water and call support.\n- **E3**: The water is too hot. The filter works with cold water only.',
    });
    expect(ask(engine, 'What does error E2 mean?', 1).answers[0]?.answer).toBe('- **E2**: Water is leaking inside the housing. Turn off the water and call support.');
    // An answer from its second sentence is that sentence.
    expect(ask(engine, 'Does the filter work with cold water?', 1).answers[0]?.answer).toBe('The filter works with cold water only.');
  });
});

describe('a labelled entry', () => {
  it('is quoted whole, like a list item, when its label line answers', () => {
    const engine = engineOf({
      'corpus/glossary.md': [
        '# Glossary',
        '**Emergency fund**: money set aside for unexpected costs, such as a car repair. Most planners suggest three to six months of expenses.',
        '**Principal**: the amount you borrowed, not counting interest.',
      ].join('\n\n'),
    });
    expect(ask(engine, 'How big should an emergency fund be?', 1).answers[0]?.answer).toBe(
      '**Emergency fund**: money set aside for unexpected costs, such as a car repair. Most planners suggest three to six months of expenses.',
    );
    // An entry of one sentence is that sentence.
    expect(ask(engine, 'What is the principal?', 1).answers[0]?.answer).toBe('**Principal**: the amount you borrowed, not counting interest.');
  });

  it.each([
    ['A waterproof speaker rated IP67: it can stay under water for 30 minutes.', 'Is the speaker waterproof?'],
    ['Day lockers are free: bring your own padlock.', 'Are day lockers free?'],
  ])('is no sentence with a colon in it: %j stands alone', (sentence, question) => {
    const engine = engineOf({ 'corpus/notes.md': `# Notes\n\n${sentence} Monthly plans renew on the first day of each month.` });
    expect(ask(engine, question, 1).answers[0]?.answer).toBe(sentence);
  });
});

describe('a question that asks how to do something', () => {
  it('is answered with the numbered steps right under the sentence that matches it', () => {
    const steps = ['1. Turn off the inlet valve.', '2. Press the pressure-release button on top of the housing.', '3. Turn the old cartridge a quarter turn to the left and pull it down.', '4. Push the new cartridge up into the housing and turn it until it clicks.', '5. Open the inlet valve and run the water for 5 minutes.'];
    const filter = (heading: string) =>
      engineOf({
        'corpus/filter.md': ['# AquaPure 300', `## ${heading}`, `Replace the cartridge every six months.\n\n${steps.join('\n')}`, '## Warranty', 'The housing has a five-year warranty.'].join('\n\n'),
      });
    expect(ask(filter('Maintenance'), 'How do I replace the cartridge?', 1).answers[0]?.answer).toBe(['Replace the cartridge every six months.', ...steps].join('\n'));
    // Under a heading that names the task, its steps say as much as the sentence does: the procedure alone.
    expect(ask(filter('Replacing the cartridge'), 'How do I replace the cartridge?', 1).answers[0]?.answer).toBe(steps.join('\n'));
    // Another question of the same sentence gets the sentence alone.
    expect(ask(filter('Replacing the cartridge'), 'How often should I replace the cartridge?', 1).answers[0]?.answer).toBe('Replace the cartridge every six months.');
  });

  it('is answered with the whole procedure when its best sentence is part of a step', () => {
    const steps = ['1. Press the **Menu** button.', '2. Choose **Network** > **Wi-Fi Setup**.', '3. Enter the password and press **OK**. The Wi-Fi light turns solid blue when connected.'];
    const engine = engineOf({
      'corpus/printer.md': ['# Printer setup', '## Connecting to Wi-Fi', steps.join('\n'), '## Paper', 'Tray 1 holds 250 sheets.'].join('\n\n'),
    });
    expect(ask(engine, 'How do I connect the printer to Wi-Fi?', 1).answers[0]?.answer).toBe(steps.join('\n'));
    // Not a "how do I" question: the sentence alone.
    expect(ask(engine, 'What does the solid blue Wi-Fi light mean?', 1).answers[0]?.answer).toBe('The Wi-Fi light turns solid blue when connected.');
  });
});

describe('an FAQ heading', () => {
  it("counts the question's frame words it shares (\"How long … take?\") like any heading's, not in full", () => {
    const engine = engineOf({
      'corpus/help.md': [
        '# Help',
        '## Shipping',
        '### Delivery times and costs',
        '| Method | Delivery time | Cost |\n|---|---|---|\n| Standard | 3–5 business days | $6.95 |\n| Express | 1–2 business days | $19.95 |\n| Freight (lamps over 30 lb) | 7–10 business days | $89 |',
        'Orders placed before 1 p.m. on a business day ship the same day.',
        '## Returns',
        '### How long do refunds take?',
        'We refund to your original payment method within 5 business days of receiving the return. Your bank may take a few more days.',
      ].join('\n\n'),
      // "standard" in other documents too, so that the question's subject weighs no more than its frame.
      ...Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`corpus/note-${i}.txt`, `Note ${i}: the kitchen on floor ${i} closes at six and the standard menu changes weekly.`])),
    });
    expect(ask(engine, 'How long does standard shipping take?', 1).answers[0]?.citation.section).toBe('Shipping › Delivery times and costs');
    expect(ask(engine, 'How long does a refund take?', 1).answers[0]?.citation.section).toBe('Returns › How long do refunds take?');
  });
});

describe('a question that asks for a way to reach someone', () => {
  it('prefers the passage with an email address or phone number to one that only names the medium', async () => {
    const engine = engineOf({
      'corpus/syllabus.md': '# CS 101\n\n**Instructor:** Dr. Maya Lin (maya.lin@uni.example)\n**Office hours:** Tuesdays 2–4 pm',
      'corpus/help.md': '# Reset your password\n\nEnter your email address. We send a link.',
      'corpus/filter.md': '# Support\n\nCall support at 1-800-555-0199, Monday to Saturday.\n\nSupport is closed on holidays.',
    });
    expect(ask(engine, "What is the instructor's email?", 1).answers[0]?.answer).toBe('**Instructor:** Dr. Maya Lin (maya.lin@uni.example)');
    // Each passage holds one word of the question: the way to reach support decides.
    expect(ask(engine, 'What is the support email?', 1).answers[0]?.answer).toBe('Call support at 1-800-555-0199, Monday to Saturday.');
    // "call" and "number" say how to reach someone, "emergency" what the question is about: the
    // tenth structured set lacking "call" (its handbook says "phoned through") is no reason to refuse.
    const handbook = await fixtureEngine('structured-10');
    expect(ask(handbook, 'What number do I call in an emergency?', 1).answers[0]?.answer).toContain('0161 555 0110');
    // Only in such a question: "How much does a phone cost?" is about the phone.
    expect(rank(handbook, 'What number do I call in an emergency?', 1).frame).toContain('call');
    expect(rank(handbook, 'How much does a phone cost?', 1).frame).not.toContain('phone');
  });

  it.each([
    ['Call support at 1-800-555-0199.', true],
    ['Call us on +1 555 0100 at any hour.', true],
    ['Write to benefits@northwind.example.', true],
    ['Call extension 4400.', true],
    ['It cost $1,850 in 2024 and 2025.', false],
    ['Version 4.2.0 shipped on 2026-01-01.', false],
  ])('reads %j as holding a way to reach someone: %s', (sentence, typed) => {
    const p: Passage = { doc: 0, ordinal: 1, section: '', lines: [1, 1], text: sentence, sentences: [0] };
    expect(analysePassage(p, { terms: ['call'], idf: new Map([['call', 1]]), answerType: 'contact' }, new Set()).sentenceTyped).toEqual([typed]);
  });

  it('reads a 200,000-character sentence of word characters and dots, in linear time', () => {
    for (const text of ['a'.repeat(200_000), 'a.'.repeat(100_000)]) {
      const p: Passage = { doc: 0, ordinal: 1, section: '', lines: [1, 1], text, sentences: [0] };
      expect(analysePassage(p, { terms: ['call'], idf: new Map([['call', 1]]), answerType: 'contact' }, new Set()).sentenceTyped).toEqual([false]);
    }
  });
});

describe('an email thread', () => {
  const engine = engineOf({
    'corpus/thread.txt': EMAIL_THREAD,
  });

  it("answers from the message, not from a reply's subject line", () => {
    expect(ask(engine, 'When is the office move?', 1).answers[0]).toMatchObject({
      answer: 'We move to the fourth floor on Friday 18 June.',
      citation: { section: 'Office move next week' },
    });
  });

  it('never quotes a signature as the answer to a question the message asks', () => {
    expect(ask(engine, 'Can we leave our monitors on the desks?', 1).answers[0]?.answer).toBe('One more question: can we leave our monitors on the desks?');
    const note = engineOf({ 'corpus/note.txt': 'Hi all,\n\nIs the car park free on Sundays? Nobody at the desk knew.\n\nMaria Lopez' });
    expect(ask(note, 'Is the car park free on Sundays?', 1).answers[0]?.answer).toBe('Nobody at the desk knew.');
    const signed = engineOf({ 'corpus/note.txt': 'Hi all,\n\nIs the car park free on Sundays?\n\nMaria Lopez' });
    expect(ask(signed, 'Is the car park free on Sundays?', 1).answers[0]?.answer).toBe('Is the car park free on Sundays?');
  });
});

describe('a forum thread', () => {
  const engine = engineOf({
    'corpus/forum.txt': [
      'Thread: Sourdough starter smells like nail polish remover - is it dead?',
      'Forum: Baking > Bread',
      '',
      'Posted by crumbqueen on 3 May 2026, 21:14',
      '',
      'My starter has a layer of grey liquid on top and smells of nail polish remover. Is it dead?',
      '',
      'Reply from oven_mitt on 3 May 2026, 21:40',
      '',
      "Don't throw it away! The grey liquid is called hooch. The nail polish smell is acetone.",
      '',
      'Reply from crumbqueen on 3 May 2026, 22:02',
      '',
      'Phew. So what do I do with the hooch? Stir it back in or pour it off?',
      '',
      'Reply from oven_mitt on 3 May 2026, 22:31',
      '',
      'Pour it off, then feed the starter. Stirring it in is fine too, but it makes the bread more sour.',
    ].join('\n'),
  });

  it('does not answer with a reply that only asks when another reply answers', () => {
    expect(ask(engine, 'Should I pour off the hooch or stir it in?', 1).answers[0]).toMatchObject({
      answer: expect.stringMatching(/^Pour it off, then feed the starter\./),
      citation: { section: 'Reply from oven_mitt on 3 May 2026, 22:31' },
    });
  });

  it("quotes a post, not the forum's name, for a question its title asks", () => {
    expect(engine.docs[0]!.title).toBe('Sourdough starter smells like nail polish remover - is it dead?');
    expect(ask(engine, 'Is my sourdough starter dead?', 1).answers[0]?.answer).not.toMatch(/^Forum:/);
  });
});

describe('passages built to be slow for the analysis', () => {
  const howTo = 'How do I paint Monday zone?';
  it.each([
    ['a 200,000-character row of column names above a row', `Zone  ${'a  '.repeat(66_000)}b\nNorth  Monday 1`, howTo],
    ['a 200,000-character sentence after one it refers back to', `Paint goes to the depot. It ${'a '.repeat(100_000)}`, howTo],
    ['a 200,000-character instruction', `To paint it, go to ${'→ a '.repeat(50_000)}`, howTo],
    ['a 200,000-character run of amounts in crowns', `Paint is sold here. It costs ${'5 5 crowns '.repeat(20_000)}`, 'How much does paint cost?'],
    ['a 200,000-character run of "because" and "every"', `Paint goes to the depot. It goes ${'every because due '.repeat(12_000)}`, 'Why does paint go to the depot?'],
    ['a 200,000-character run of "Yes, No"', `Paint goes to the depot. ${'Yes, No '.repeat(25_000)}`, 'Does paint go to the depot?'],
    ['a 200,000-character run of digits and colons', `Paint goes to the depot. It opens ${'12:1 1:'.repeat(28_000)}`, 'What time does the depot open?'],
  ])('analyses %s in linear time', (_, text, question) => {
    const second = text.indexOf('\n') >= 0 ? text.indexOf('\n') + 1 : text.indexOf('. ') + 2;
    const p: Passage = { doc: 0, ordinal: 1, section: '', lines: [1, 2], text, sentences: [0, second] };
    const a = analysedAlike(p, question, answerTypeOf(question));
    expect(a.sentenceWeights).toHaveLength(2);
    expect(answerSpan(p, a)[1]).toBeLessThanOrEqual(1);
  });
});

describe('the answer sentence', () => {
  const text = 'Scale was founded by Wang. It grew fast. In 2016 Scale was valued by investors, long after Wang founded Scale.';
  const passage: Passage = { doc: 0, ordinal: 1, section: '', lines: [1, 1], text, sentences: [0, 27, 40] };
  const idfOf = (terms: string[], weights: number[]) => ({ terms, idf: new Map(terms.map((t, i) => [t, weights[i]!])) });

  it('answers "when" with the sentence that names the days, plural or not', () => {
    const rules = engineOf({
      'corpus/rules.txt': 'HOUSE RULES\n\n2. RUBBISH AND RECYCLING\nBins are in the yard behind building B. General waste is collected on Tuesdays and recycling on Fridays. Large items must not be left in the yard.',
      'corpus/cloud.txt': 'Google sells cloud services to banks.',
    });
    expect(ask(rules, 'When is rubbish picked up?', 1).answers[0]?.answer).toBe('General waste is collected on Tuesdays and recycling on Fridays.');
  });

  it('is the sentence covering the most question weight, not the first one', () => {
    const q = 'How did investors value Scale?';
    const { terms, idf } = idfOf(queryTerms(q), [2, 1, 0.5]);
    const a = analysePassage(passage, { terms, idf, answerType: answerTypeOf(q) }, new Set());
    expect(bestSentence(a)).toBe(2);
  });

  it('prefers, between equally matching sentences, the one with a candidate of the asked-for type', () => {
    const q = 'When was Scale founded?';
    const { terms, idf } = idfOf(queryTerms(q), [1, 1]);
    const a = analysePassage(passage, { terms, idf, answerType: 'date' }, new Set(['when', 'was', 'scale', 'founded']));
    expect(a.sentenceTyped).toEqual([false, false, true]);
    expect(bestSentence(a)).toBe(2);
  });

  it.each([
    ['three', true],
    ['Twelve', true],
    ['hundreds of', true],
    ['12', true],
    ['several', false],
    ['often', false],
  ])('counts %j as a number for a "how many" question: %s', (amount, typed) => {
    const t = `The Broncos sacked Newton in the game. Denver forced ${amount} turnovers from Newton.`;
    const p: Passage = { doc: 0, ordinal: 1, section: '', lines: [1, 1], text: t, sentences: [0, 39] };
    const q = 'How many times was Newton sacked?';
    const { terms, idf } = idfOf(queryTerms(q), [1, 1, 1]);
    const a = analysePassage(p, { terms, idf, answerType: answerTypeOf(q) }, new Set(['how', 'many', 'times', 'was', 'newton', 'sacked']));
    expect(a.sentenceTyped).toEqual([false, typed]);
  });

  it.each([
    ['born in Liepāja', true],
    ['studied at Uppsala University', true],
    ['lived near the Baltic Sea', true],
    ['born at the Royal Hospital', true],
    ['born in 1921', false],
    ['born to a Latvian family', false],
    ['born at home', false],
  ])('counts a name after "in", "at" or "near" as a place for a "where" question: %j is %s', (phrase, typed) => {
    const t = `Marenko loved the sea. Marenko was ${phrase}.`;
    const p: Passage = { doc: 0, ordinal: 1, section: '', lines: [1, 1], text: t, sentences: [0, 23] };
    const q = 'Where was Marenko born?';
    const { terms, idf } = idfOf(queryTerms(q), [1, 1]);
    const a = analysePassage(p, { terms, idf, answerType: answerTypeOf(q) }, new Set(['where', 'was', 'marenko', 'born']));
    expect(a.sentenceTyped).toEqual([false, typed]);
  });

  it.each([
    ['How much will the roof cost?', 'The board chose Hillcrest at 18,500 pounds.', true],
    ['How much will the roof cost?', 'The treasurer reported three quotes for the roof.', false],
    ['How much did Meta pay?', 'Meta paid $14 billion.', true],
    ['How much does renewal cost?', 'Renewing online costs 75 crowns.', true],
    ['How much does early check-in cost?', 'Early check-in costs CHF 30.', true],
    ['How much does renewal cost?', 'Renewal takes 3 weeks.', false],
    ['How much is a student ticket?', 'Student tickets are €95.', true],
    ['How much are late fees?', 'Adult books cost 25p a day late.', true],
    ['How much are late fees?', 'Screens show 1080p video.', false],
    ['What percentage of farmland grows wheat?', 'More than 50% of the farmland grows wheat.', true],
    ['What percentage of students attend?', 'Over 61 per cent of students attend.', true],
    ['What percentage of students attend?', 'Over 462,000 students attend.', false],
    ['How often do dogs need a booster?', 'Adult dogs need a booster every year.', true],
    ['How often do dogs need a booster?', 'Dogs need three rounds, at 8, 12 and 16 weeks.', false],
    ['How often should I water?', 'Water twice a day during heatwaves.', true],
    ['What time does school finish?', 'The school day starts at 8:45 and ends at 15:15.', true],
    ['What time is check-in?', 'Check-in is from 3 p.m. on the day of arrival.', true],
    ['What time is check-in?', 'Check-in opens at noon.', true],
    ['What time is the ferry?', 'The ferry leaves at 8.30am.', true],
    ['What time is the ferry?', 'The ferry costs 2.50 and runs daily.', false],
    ['What time is the ferry?', 'The ferry runs 3 times a day, pm and am sailings alike.', false],
  ])('for %j, counts %j as holding the asked-for amount: %s', (q, sentence, typed) => {
    const p: Passage = { doc: 0, ordinal: 1, section: '', lines: [1, 1], text: sentence, sentences: [0] };
    const terms = queryTerms(q);
    const a = analysePassage(p, { terms, idf: new Map(terms.map((t) => [t, 1])), answerType: answerTypeOf(q) }, new Set());
    expect(a.sentenceTyped).toEqual([typed]);
  });

  it('prefers for a "how many" question the number right before what it counts', () => {
    const engine = engineOf({
      'corpus/shakshuka.txt': 'Shakshuka\n\nThe sauce keeps for two days in the fridge; reheat it before adding the eggs.\n\nBuy 2 tins of tomatoes and 6 eggs.',
    });
    expect(ask(engine, 'How many eggs do I need?', 1).answers[0]?.answer).toBe('Buy 2 tins of tomatoes and 6 eggs.');
  });

  it('answers a yes-or-no question with the sentence that says yes or no', () => {
    const engine = engineOf({
      'corpus/vet.txt': 'Q: Do I need an appointment?\nA: Yes, except for emergencies. Book online or call 555-0142.\n\nQ: Do you treat birds?\nA: No. We refer you to the Exotic Animal Centre.',
    });
    expect(ask(engine, 'Do I need to book an appointment?', 1).answers[0]?.answer).toBe('Yes, except for emergencies.');
  });

  it('answers "why" with the sentence that gives a reason', () => {
    const engine = engineOf({
      'corpus/closure.txt': 'Subject: Riverside school closed on Friday 6 March\n\nDear parents,\n\nRiverside school will be closed to pupils on Friday because of repairs to the water main.',
    });
    expect(ask(engine, 'Why is the school closed?', 1).answers[0]?.answer).toBe('Riverside school will be closed to pupils on Friday because of repairs to the water main.');
  });

  it("does not count a numbered list item's number as a quantity", () => {
    const t = '1. Run ferry init.\n2. Run ferry sync.\n3) Sync runs 3 times.\n12 files sync.';
    const p: Passage = { doc: 0, ordinal: 1, section: '', lines: [1, 1], text: t, sentences: [0, 19, 38, 60] };
    const a = analysePassage(p, { terms: ['sync'], idf: new Map([['sync', 1]]), answerType: 'number' }, new Set(['how', 'often', 'does', 'ferry', 'sync']));
    expect(a.sentenceTyped).toEqual([false, false, true, true]);
  });

  it.each([
    ['Meta invested in Scale AI in June 2025.', false],
    ['Meta has invested in Scale AI since 2019.', false],
    ['Meta invested $1500 in Scale AI.', true],
    ['The pool holds 1500 cubic metres.', true],
  ])('counts the number in %j as an amount for "how much": %s (a year is no amount)', (sentence, typed) => {
    const p: Passage = { doc: 0, ordinal: 1, section: '', lines: [1, 1], text: sentence, sentences: [0] };
    const a = analysePassage(p, { terms: ['invest'], idf: new Map([['invest', 1]]), answerType: 'number' }, new Set(['how', 'much', 'did', 'meta', 'invest']));
    expect(a.sentenceTyped).toEqual([typed]);
  });

  it('does not count a number word the question itself holds', () => {
    const t = 'Three teams bid. The league narrowed the three bids to one site.';
    const p: Passage = { doc: 0, ordinal: 1, section: '', lines: [1, 1], text: t, sentences: [0, 17] };
    const a = analysePassage(p, { terms: ['bid'], idf: new Map([['bid', 1]]), answerType: 'number' }, new Set(['how', 'many', 'of', 'the', 'three', 'bids']));
    expect(a.sentenceTyped).toEqual([false, true]);
  });

  it('is, between sentences that cover the question equally, the one that adds most to the title', () => {
    // The title says "bike lanes"; the sentence that says what they cost answers, not the one that names them again.
    const engine = engineOf({
      'corpus/news.md': '# Council approves new bike lanes\n\nThe council voted on Tuesday to build 12 miles of bike lanes. The project will cost $24 million.',
    });
    expect(ask(engine, 'How much will the bike lanes cost?', 1).answers[0]?.answer).toBe('The project will cost $24 million.');
  });

  it('is not a question of the text itself (FAQ text), but the sentence after it', () => {
    const faq = 'Q: How do I export my data? A: Use the Export button on the Data page. Q: Is there an app?';
    const p: Passage = { doc: 0, ordinal: 1, section: '', lines: [1, 1], text: faq, sentences: [0, 28, 72] };
    const { terms, idf } = idfOf(queryTerms('How can I export my data?'), [1, 1]);
    const a = analysePassage(p, { terms, idf, answerType: 'any' }, new Set());
    expect(bestSentence(a)).toBe(0);
    expect(answerSentence(p, a)).toBe(1);
    // A question with nothing after it stays the answer.
    const app = analysePassage(p, { terms: ['app'], idf: new Map([['app', 1]]), answerType: 'any' }, new Set());
    expect(answerSentence(p, app)).toBe(2);
  });

  it('quotes a lead-in such as "You need:" with the items after it', () => {
    const items = ['- a large mixing bowl', '- a banneton or a bowl lined with a towel', '- a Dutch oven with a lid'];
    const engine = engineOf({
      'corpus/bread.md': ['# Sourdough', '## Equipment', `You need:\n${items.join('\n')}`, '## Storage', 'Keep the bread for up to 3 days. Do you need more? Freeze it:\n- slice it\n- bag it'].join('\n\n'),
      'corpus/cake.md': '# Cake\n\nA cake needs a round tin and an oven.',
    });
    expect(ask(engine, 'What equipment do I need?', 1).answers[0]?.answer).toBe(['You need:', ...items].join('\n'));
    // Never past a question or into the next lead-in's list; at most about MAX_LEAD_IN_ANSWER_CHARS.
    const p: Passage = { doc: 0, ordinal: 1, section: '', lines: [1, 1], text: 'Do this: - a - b Why? Then: - c', sentences: [0, 9, 13, 17, 22, 28] };
    // An analysis in which sentence `best` of `n` holds the question's words.
    const holding = (best: number, n: number): PassageAnalysis => ({
      highlights: [],
      sentenceWeights: Array.from({ length: n }, (_, i) => (i === best ? 1 : 0)),
      sentenceTyped: Array<boolean>(n).fill(false),
      proximity: 0,
      pairs: [],
      related: 0,
    });
    expect([0, 4, 2].map((best) => answerSpan(p, holding(best, 6)))).toEqual([[0, 2], [4, 5], [2, 2]]);
    const long = `${'x'.repeat(MAX_LEAD_IN_ANSWER_CHARS - 20)} Do:`;
    const q: Passage = { ...p, text: `${long} - one item - two`, sentences: [0, long.length + 1, long.length + 12] };
    expect(answerSpan(q, holding(0, 3))).toEqual([0, 1]);
  });

  it('answers "when" with the sentence that gives a time from an event ("within 21 days"), not only with a date', () => {
    const engine = engineOf({
      'corpus/lease.md': '# Lease\n\n## Deposit\n\nThe tenant pays a deposit of $1,850 before moving in. The landlord returns the deposit within 21 days after the tenant moves out.',
      'corpus/house.md': '# House rules\n\nQuiet hours start at 10 p.m. Pets need the landlord\'s consent.',
    });
    expect(ask(engine, 'When do I get my deposit back?', 1).answers[0]?.answer).toBe('The landlord returns the deposit within 21 days after the tenant moves out.');
  });

  it.each([
    ['a time of day', 'When is bag drop?', 'Bag drop is in the lorries behind the Customs House. Use the clear bag from the Expo for bag drop. Bag drop closes at 13:00.', 'Bag drop closes at 13:00.'],
    ['a day of the month', 'When is the invoice due?', 'Invoices are due monthly in advance. Each invoice is due by the 5th of the month.', 'Each invoice is due by the 5th of the month.'],
  ])('answers "when" with the sentence that gives %s, not the first that names the subject', (_, question, text, answer) => {
    const engine = engineOf({ 'corpus/info.md': `# Race day\n\n${text}`, 'corpus/other.md': '# Parking\n\nThe car park opens at 6am and costs £8.' });
    expect(ask(engine, question, 1).answers[0]?.answer).toBe(answer);
  });

  it('answers a yes-or-no question about one list item with the lead-in that says what the list means', () => {
    const exclusions = ['We do not pay claims arising from:', '- a pre-existing medical condition;', '- extreme sports such as skydiving or bungee jumping;', '- being under the influence of alcohol.'];
    const engine = engineOf({
      'corpus/policy.md': ['# Travel insurance', '## Exclusions', exclusions.join('\n'), '## Luggage', 'Checked bags are insured up to 1,500 euros:\n- per bag up to 500 euros\n- per item up to 250 euros'].join('\n\n'),
      'corpus/faq.md': ['# FAQ', '## Passports', 'Lost passports are covered.', '## Delays', 'Delays over 6 hours are covered.', '## Phones', 'Phones are covered up to 300 euros.'].join('\n\n'),
    });
    // The item alone ("- extreme sports such as skydiving …") says neither yes nor no.
    expect(ask(engine, 'Is skydiving covered?', 1).answers[0]?.answer).toBe(exclusions.slice(0, 3).join('\n'));
    // A question that is not a yes or a no keeps the item alone.
    expect(ask(engine, 'Which extreme sports are mentioned?', 1).answers[0]?.answer).toBe(exclusions[2]);
    // An item of a nested list: the outer item that leads into it; an item under prose without a colon: itself.
    const p: Passage = { doc: 0, ordinal: 1, section: '', lines: [1, 4], text: 'Rules\n- Travel abroad needs approval:\n◦ up to 2 weeks: your manager\n◦ longer: HR\n- Print a test page.', sentences: [0, 6, 38, 68, 81] };
    const holding = (best: number): PassageAnalysis => ({ highlights: [], sentenceWeights: [0, 1, 2, 3, 4].map((i) => (i === best ? 1 : 0)), sentenceTyped: Array<boolean>(5).fill(false), proximity: 0, pairs: [], related: 0 });
    expect([3, 4, 1].map((best) => answerSpan(p, holding(best), '', false, true))).toEqual([[1, 3], [4, 4], [1, 3]]);
  });

  it('quotes a yes-or-no answer from a lead-in only when it opens the answer item\'s list', () => {
    const line = fc.constantFrom('You need:', 'We do not pay for:', 'Plain prose here.', '- an item.', '- an item:', '◦ a sub-item.', '1. a step.', 'Two sentences. The second leads in:');
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 10 }), fc.nat(), (lines, pick) => {
        const text = lines.join('\n');
        // Sentences: each line, and the two of "Two sentences. …".
        const sentences: number[] = [];
        let at = 0;
        for (const l of lines) {
          sentences.push(at);
          const second = l.indexOf('. The');
          if (second >= 0) sentences.push(at + second + 2);
          at += l.length + 1;
        }
        const p: Passage = { doc: 0, ordinal: 1, section: '', lines: [1, lines.length], text, sentences };
        const best = pick % sentences.length;
        const a: PassageAnalysis = { highlights: [], sentenceWeights: sentences.map((_, i) => (i === best ? 1 : 0)), sentenceTyped: sentences.map(() => false), proximity: 0, pairs: [], related: 0 };
        const [first, last] = answerSpan(p, a, '', false, true);
        const plain = answerSpan(p, a, '', false, false);
        expect(0 <= first && first <= best && best <= last && last < sentences.length).toBe(true);
        if (first === best) return;
        // It reaches back only from a list item, to a sentence that ends in a colon, over items of its list alone.
        const between = text.slice(p.sentences[first]!, p.sentences[best]!);
        expect(/^(?:[-◦]|\d\.) /.test(text.slice(p.sentences[best]!))).toBe(true);
        expect(/:$/.test(text.slice(p.sentences[first]!, p.sentences[first + 1] ?? text.length).trimEnd())).toBe(true);
        expect(between.length).toBeLessThanOrEqual(MAX_LEAD_IN_ANSWER_CHARS);
        for (const l of between.split('\n').slice(1, -1)) expect(/^(?:[-◦]|\d\.) /.test(l), JSON.stringify(lines)).toBe(true);
        expect(plain[0]).toBe(best);
      }),
    );
  });

  it('quotes a list item that leads into a nested list with that list only, not the items after it', () => {
    const engine = engineOf({
      'corpus/handbook.md': [
        '# Handbook',
        '## Remote work',
        '- You can work from home up to three days a week.\n- Working from another country needs approval:\n  - up to 2 weeks: your manager approves;\n  - longer: People Operations approves.\n- We pay a home office allowance of 500 euros.',
        '## Printer',
        '- Install the toner:\n   1. Open the front cover.\n   2. Slide the cartridge in.\n- Print a test page.',
      ].join('\n\n'),
    });
    expect(ask(engine, 'Do I need approval to work from another country?', 1).answers[0]?.answer).toBe(
      '- Working from another country needs approval:\n◦ up to 2 weeks: your manager approves;\n◦ longer: People Operations approves.',
    );
    expect(ask(engine, 'How do I install the toner?', 1).answers[0]?.answer).toBe('- Install the toner:\n1. Open the front cover.\n2. Slide the cartridge in.');
  });

  it("answers from a row of a table laid out in columns, its header row's words counting for each row", () => {
    const schedule = [
      'COLLECTION SCHEDULE',
      '',
      'Zone      Trash        Recycling         Yard waste',
      'North     Monday       Monday, weekly    Thursday (April-November)',
      'South     Tuesday      Tuesday, weekly   Friday (April-November)',
      '',
      'OFFICE HOURS',
      '',
      'Monday - Thursday   8:00 - 16:30',
      'Friday              8:00 - 12:00',
    ].join('\n');
    const engine = engineOf({ 'corpus/waste.txt': schedule, 'corpus/other.txt': 'Recycling bins are blue.' });
    // The header row names the columns: never the answer, its words count for the rows under it.
    expect(ask(engine, 'When is yard waste collected?', 1).answers[0]?.answer).toBe('North     Monday       Monday, weekly    Thursday (April-November)');
    expect(ask(engine, 'When is trash collected in the South zone?', 1).answers[0]?.answer).toBe('South     Tuesday      Tuesday, weekly   Friday (April-November)');
    // A table without a header row: its first row is a row like the others.
    expect(ask(engine, 'When is the office open on Monday?', 1).answers[0]?.answer).toBe('Monday - Thursday   8:00 - 16:30');
  });

  it('ends a lead-in\'s quote with its list or code block, not with the paragraph after it', () => {
    const engine = engineOf({
      'corpus/api.md': [
        '# API',
        '## Authentication',
        'Send your API key in the header as a bearer token:\n\n```\nAuthorization: Bearer pk_live_123\n```\n\nTest keys work in the sandbox only.',
        '## Setup',
        'To set up the router:\n\n- Plug it in.\n- Press Reset.\n\nThe light turns green within a minute.',
        '## Steps',
        'To pair the remote:\n\nHold the button.\n\nWait for the beep.',
      ].join('\n\n'),
    });
    expect(ask(engine, 'Where do I put the API key?', 1).answers[0]?.answer).toBe('Send your API key in the header as a bearer token:\nAuthorization: Bearer pk_live_123');
    expect(ask(engine, 'How do I set up the router?', 1).answers[0]?.answer).toBe('To set up the router:\n- Plug it in.\n- Press Reset.');
    // Paragraphs of prose after the lead-in are its items.
    expect(ask(engine, 'How do I pair the remote?', 1).answers[0]?.answer).toBe('To pair the remote:\nHold the button.\nWait for the beep.');
  });

  it('reads a table row with its header row\'s words, and quotes a table a lead-in introduces', () => {
    const engine = engineOf({
      'corpus/config.md': [
        '# Configuration',
        'Every setting has a default. Settings live in `ferry.toml`.',
        '| Setting | Default | Meaning |\n|---|---|---|\n| `interval` | `60` | Seconds between syncs. |\n| `encryption` | `off` | `aes256` encrypts files before upload. |',
        '## Browsers',
        'We support these browsers:\n\n| Browser | Minimum version |\n|---|---|\n| Chrome | 120 |\n| Safari | 17 |\n\nInternet Explorer is not supported.',
      ].join('\n\n'),
    });
    // "default" is in the header row only: the row that holds the other words answers.
    expect(ask(engine, 'What is the default encryption?', 1).answers[0]?.answer).toBe('| `encryption` | `off` | `aes256` encrypts files before upload. |');
    expect(ask(engine, 'What is the default interval?', 1).answers[0]?.answer).toBe('| `interval` | `60` | Seconds between syncs. |');
    expect(ask(engine, 'What is the minimum Safari version?', 1).answers[0]?.answer).toBe('| Safari | 17 |');
    expect(ask(engine, 'Which browsers are supported?', 1).answers[0]?.answer).toBe(
      ['We support these browsers:', '| Browser | Minimum version |', '|---|---|', '| Chrome | 120 |', '| Safari | 17 |'].join('\n'),
    );
  });

  it.each([
    ['a numbered title', 'What about limescale?', '3.1 Limescale. A kettle that is not descaled once a month will fail early, and this is not a fault.'],
    ['a title of two words', 'What about late payment?', 'Late payment. Invoices paid after 30 days cost 5% more.'],
  ])("quotes a clause's short title run in before its text (%s) with the sentence after it", (_, question, clause) => {
    const engine = engineOf({ 'corpus/terms.txt': `TERMS\n\n${clause}\n\nAll other faults are repaired for free.` });
    expect(ask(engine, question, 1).answers[0]?.answer).toBe(clause);
  });

  it.each([
    ['Why did referral sign-ups drop?', 'Referral sign-ups fell by a third in October. The likely reason is the smaller reward since September.'],
    ['How much did the new roof cost the club?', 'The club replaced the roof of its new pavilion. The bill came to £18,500.'],
  ])('quotes for %j the sentence after the best one when only it holds what was asked for', (question, answer) => {
    const engine = engineOf({ 'corpus/notes.txt': `Notes\n\n${answer} Priya will share the numbers at the next meeting.` });
    expect(ask(engine, question, 1).answers[0]?.answer).toBe(answer);
  });

  it("quotes a contract's lettered sub-clause whole", () => {
    const engine = engineOf({
      'corpus/hire.txt': 'TERMS OF HIRE\n\n2. Who may hire\n   (a) Hirers must be 18 or over.\n   (b) Riders under 16 must wear a helmet. Helmets are lent free of charge.\n\n3. Late return\n   (a) Bikes must be back by 18:00.\n   (b) A late bike costs 15 an hour.',
    });
    expect(ask(engine, 'Do riders need a helmet?', 1).answers[0]?.answer).toBe('(b) Riders under 16 must wear a helmet. Helmets are lent free of charge.');
  });

  it('quotes a list that its heading alone matches, and a statement in bold with the sentence after it', () => {
    const engine = engineOf({
      'corpus/manual.md': [
        '# Aero 3 robot manual',
        "## What's in the box",
        '- Aero 3 robot\n- Charging dock\n- Power adapter',
        '## Troubleshooting',
        '**The robot does not charge.** Check that the dock is plugged in and that the contacts are clean.',
        '**The app cannot find the robot.** The robot only connects to 2.4 GHz networks.',
      ].join('\n\n'),
    });
    expect(ask(engine, 'What comes in the box?', 1).answers[0]?.answer).toBe('- Aero 3 robot\n- Charging dock\n- Power adapter');
    // An item that holds only a word of the document's title ("robot": the manual's subject) too.
    expect(ask(engine, 'What comes in the box with the robot?', 1).answers[0]?.answer).toBe('- Aero 3 robot\n- Charging dock\n- Power adapter');
    // An item that holds a word of the question is quoted alone, also when a heading above holds it too.
    expect(ask(engine, 'Is a dock in the box?', 1).answers[0]?.answer).toBe('- Charging dock');
    const recipes = engineOf({ 'corpus/recipes.md': '# Recipes\n\n## Fried rice\n\n### Ingredients\n\n- 3 cups cooked rice\n- 2 eggs\n- 1 cup peas' });
    expect(ask(recipes, 'How much rice is in the fried rice?', 1).answers[0]?.answer).toBe('- 3 cups cooked rice');
    expect(ask(engine, "Why won't my robot charge?", 1).answers[0]?.answer).toBe(
      '**The robot does not charge.** Check that the dock is plugged in and that the contacts are clean.',
    );
  });

  it('quotes a line of code that opens a bracket up to the line that closes it', () => {
    const call = ['const shipment = await parcelly.shipments.create({', "from: { postcode: '10115', country: 'DE' },", "parcel: { weightGrams: 1200 },", '});'];
    const engine = engineOf({
      'corpus/sdk.md': ['# SDK', '## Creating a shipment', '```js\n' + call.join('\n') + '\nconsole.log(shipment.id);\n```', 'The response lists the rates in `shipment.rates`.'].join('\n\n'),
    });
    expect(ask(engine, 'How do I create a shipment?', 1).answers[0]?.answer).toBe(call.join('\n'));
    // Only lines of their own continue it, and only up to about MAX_LEAD_IN_ANSWER_CHARS.
    const first: PassageAnalysis = { highlights: [], sentenceWeights: [1, 0, 0], sentenceTyped: [false, false, false], proximity: 0, pairs: [], related: 0 };
    const p: Passage = { doc: 0, ordinal: 1, section: '', lines: [1, 1], text: 'run({ a: 1 }); Next line.', sentences: [0, 15] };
    expect(answerSpan({ ...p, text: 'f({ Then prose. More.', sentences: [0, 4, 15] }, first)).toEqual([0, 0]);
    const long = `x: '${'y'.repeat(MAX_LEAD_IN_ANSWER_CHARS)}',`;
    expect(answerSpan({ ...p, text: `f({\na: 1,\n${long}\n});`, sentences: [0, 4, 10, 11 + long.length] }, first)).toEqual([0, 1]);
  });

  it('asks a "how long", "how heavy", "how loud", "how old" or "weigh" question of the measure\'s noun or word too, when the corpus has it', () => {
    const engine = engineOf({
      'corpus/spec.md': '# Aero 3\n\n## Specifications\n\nWeight: 3.2 kg\nCable length: 1.5 m\nBattery: 5,200 mAh\n\n## Modes\n\nTurbo mode runs for a long time on a full battery.',
    });
    expect(ask(engine, 'How much does it weigh?', 1).answers[0]?.answer).toBe('Weight: 3.2 kg');
    expect(ask(engine, 'How long is the cable?', 1).answers[0]?.answer).toBe('Cable length: 1.5 m');
    // A spec sheet names the measure, not the adjective: "Noise level", "Operating temperature".
    const sheet = engineOf({
      'corpus/spec.md':
        '# Aero 3 robot vacuum\n\n## Specifications\n\nNoise level: 58 dB\nBattery: 5,200 mAh\nOperating temperature: 0 to 40 °C\n\n## Care\n\nThe robot is quiet at night, runs under most beds and docks itself.',
    });
    for (const [q, a] of [
      ['How loud is the robot?', 'Noise level: 58 dB'],
      ['How hot can the room be for the robot?', 'Operating temperature: 0 to 40 °C'],
      ['How cold can the room be for the robot?', 'Operating temperature: 0 to 40 °C'],
    ]) expect(ask(sheet, q!, 1).answers[0]?.answer, q).toBe(a);
    // "How heavy" asks for a weight, or what something weighs.
    const shop: Record<string, string> = {
      'corpus/h1.md': '# Aurora H1\n\nOver-ear headphones with noise cancelling and 40 hours of battery life. A 10-minute charge gives 5 hours of playback. They weigh 250 g and fold flat.',
      'corpus/bags.md': '# Bags\n\n| Fare | Weight per bag |\n|---|---|\n| Plus | 23 kg |',
    };
    for (const item of ['kettle', 'toaster', 'radio', 'camera']) shop[`corpus/${item}.md`] = `# ${item}\n\nThe ${item} has a two-year warranty and a jack for headphones.`;
    const headphones = engineOf(shop);
    expect(ask(headphones, 'How heavy are the H1 headphones?', 1).answers[0]?.answer).toContain('They weigh 250 g and fold flat.');
    const league = engineOf({ 'corpus/rules.md': '# Rules\n\n1.1 Each team has at most 18 registered players and needs at least 7 to start a match.\n\n1.2 Players must be 18 or older on the day of their first match.' });
    expect(ask(league, 'How old do players have to be?', 1).answers[0]?.answer).toBe('1.2 Players must be 18 or older on the day of their first match.');
    // Every "how" measure reads, with or without a noun for it.
    for (const adjective of HOW_ADJECTIVES) expect(() => ask(engine, `How ${adjective} is the battery?`, 3)).not.toThrow();
  });

  it('takes a month or a weekday, not only a year, as the date a "when" question asks for', () => {
    const engine = engineOf({ 'corpus/school.txt': 'The autumn term starts with an induction week. The autumn term starts on 8 September. Lessons run Monday to Friday.' });
    expect(ask(engine, 'When does the autumn term start?', 1).answers[0]?.answer).toBe('The autumn term starts on 8 September.');
  });

  it('gives where the answer stands in the passage, which may hold the same sentence twice', () => {
    const engine = engineOf({ 'corpus/faq.md': '# Quokka FAQ\n\nDoes the quokka widget run scripts? No. Does the quokka widget parse markup? No.' });
    const a = ask(engine, 'Does the quokka widget parse markup?', 1).answers[0]!;
    expect(a.answer).toBe('No.');
    expect(a.answerRange).toEqual([a.text.lastIndexOf('No.'), a.text.length]);
  });

  it("is never a table's header row, but the row that answers", () => {
    const engine = engineOf({
      'corpus/router.md': [
        '# Router',
        '## Steps',
        'Plug the router in. Wait a minute before you go on.',
        '## Lights',
        '| light | meaning |\n|---|---|\n| orange | starting up |\n| white | online |\n| red, blinking | no internet connection |',
      ].join('\n\n'),
    });
    // The header holds "light" and "meaning", the row only "orange": the header would weigh as much.
    expect(ask(engine, 'What does the orange light mean?', 1).answers[0]?.answer).toBe('| orange | starting up |');
    // Where no row holds a word of the question (the heading does), the first row answers, never the delimiter row.
    expect(ask(engine, 'What do the lights mean?', 1).answers[0]?.answer).toBe('| orange | starting up |');
  });

  it('is not an FAQ question set in Markdown emphasis, but the answer after it', () => {
    const engine = engineOf({
      'corpus/faq.md': [
        '# FAQ',
        '**Q: How do I cancel my subscription?**\nA: Open Billing and click Cancel. The plan stays active until the end of the period.',
        '**How do I change my email address?**',
        'Go to Profile, edit the address and confirm the link we send you.',
        '_Can I pause my plan?_ Yes, for up to three months, from the Billing page.',
      ].join('\n\n'),
    });
    expect(ask(engine, 'How do I cancel my subscription?', 1).answers[0]?.answer).toBe('Open Billing and click Cancel.');
    expect(ask(engine, 'How do I change my email address?', 1).answers[0]?.answer).toBe('Go to Profile, edit the address and confirm the link we send you.');
    expect(ask(engine, 'Can I pause my plan?', 1).answers[0]?.answer).toBe('Yes, for up to three months, from the Billing page.');
  });

  it('is not an FAQ question told in statements after "Q:", but the answer after it', () => {
    const engine = engineOf({
      'corpus/faq.txt': 'Q: My laptop was stolen. What should I do?\nA: Call the help desk on extension 4400 at once.\n\nQ: How do I connect to the VPN?\nA: Install the Connect client.',
    });
    const a = ask(engine, 'What do I do if my laptop is stolen?', 1).answers[0];
    expect([a?.answer, a?.citation.section]).toEqual(['Call the help desk on extension 4400 at once.', 'Q: My laptop was stolen. What should I do?']);
  });

  it('highlights every word whose stem is a question term, by offsets', () => {
    const { terms, idf } = idfOf(queryTerms('founding of scale'), [1, 1]);
    const a = analysePassage(passage, { terms, idf, answerType: 'any' }, new Set());
    expect(a.highlights.map(([s, e]) => text.slice(s, e))).toEqual(['Scale', 'founded', 'Scale', 'founded', 'Scale']);
  });
});

describe('opening hours', () => {
  it('quotes the sentence with the hours for "what are the … opening hours", not the one that only names the place', () => {
    const engine = engineOf({
      'corpus/help.md': '# Help\n\n## Service desk\n\nCall the desk on extension 4400, or raise a ticket. The desk is staffed from 7am to 7pm, Monday to Friday.\n\n## Install\n\nOpen the Software Centre and click Install.',
    });
    for (const q of ["What are the desk's opening hours?", 'When are the desk hours?']) {
      expect(ask(engine, q, 1).answers[0]?.answer, q).toBe('The desk is staffed from 7am to 7pm, Monday to Friday.');
    }
  });
});

describe('"bring" as a light verb', () => {
  it('ranks the passage on what the question asks to bring above one that only says "bring"', () => {
    const engine = engineOf({
      'corpus/lessons.md': '# Driving lessons\n\n## Your first lesson\n\nYou must bring your provisional licence to your first lesson, and bring your glasses if you need them.',
      'corpus/hotel.md': '# Hotel guide\n\n## Pets\n\nWe are a pet-friendly hotel, and well-behaved dogs are welcome in designated rooms on the ground floor for a fee of $75 per stay.',
    });
    expect(ask(engine, 'Can I bring my dog?', 1).answers[0]?.citation.source).toBe('corpus/hotel.md');
    expect(ask(engine, 'What do I need to bring to my first lesson?', 1).answers[0]?.citation.source).toBe('corpus/lessons.md');
  });
});

describe('a question typed as a few words', () => {
  it.each([
    ['intensive course prices', '| 20-hour course | £795 | £845 |'],
    ['intensive course fees', '| 20-hour course | £795 | £845 |'],
  ])('that names a price quotes the price, not the sentence that only shares its words: %j', (question, answer) => {
    const engine = engineOf({
      'corpus/driving.md': '# Driving lessons\n\n## Intensive courses\n\nOur intensive courses are for learners who want to pass quickly, usually within two to four weeks.\n\n| Course | Manual | Automatic |\n|---|---|---|\n| 20-hour course | £795 | £845 |\n\n## Cancellations\n\nWe ask for 48 hours notice to cancel a lesson.',
      'corpus/other.md': '# Parking\n\nThe car park opens at 6am.',
    });
    expect(ask(engine, question, 1).answers[0]?.answer).toBe(answer);
  });
});

describe('a dimension the question names', () => {
  it.each([
    ['What is the weight of a checked bag?', 'Checked bags over 32 kg are not accepted.'],
    ['What is the height of the storage room?', 'The storage room ceiling is at 2.4 m.'],
  ])('is held by the sentence with an amount in one of its units: %j', (question, answer) => {
    const engine = engineOf({
      'corpus/baggage.md': '# Baggage\n\nAn extra checked bag costs €40 online. Checked bags over 32 kg are not accepted.\n\n## Storage\n\nThe storage room is by gate 4. The storage room ceiling is at 2.4 m.',
      'corpus/other.md': '# Parking\n\nThe car park opens at 6am.',
    });
    expect(ask(engine, question, 1).answers[0]?.answer).toBe(answer);
  });
});

describe('"What is the … time?"', () => {
  it.each([
    ['What is the cut-off time?', 'Runners must reach the bridge by 10:50.'],
    ['What is the delivery time?', 'Orders arrive within 3 working days.'],
  ])('is answered with a time of day for an event, a length for a wait: %j', (question, answer) => {
    const engine = engineOf({
      'corpus/race.md': '# Race\n\n## Cut-off\n\nThe cut-off applies to every runner. Runners must reach the bridge by 10:50.',
      'corpus/shop.md': '# Delivery\n\nDelivery is free on orders over £40. Orders arrive within 3 working days.',
    });
    expect(ask(engine, question, 1).answers[0]?.answer).toBe(answer);
  });
});

describe('"What do I do if …?"', () => {
  it('is answered with what to do, as "How do I …?" is', () => {
    const engine = engineOf({
      'corpus/damaged.md': '# Damaged item\n\nSorry your item arrived damaged. Send us a photo of the item and the box within 7 days and we will send a replacement.',
      'corpus/late.md': '# Late parcel\n\nParcels can take up to 5 working days.',
    });
    expect(ask(engine, 'What do I do if my item arrived damaged?', 1).answers[0]?.answer).toBe('Send us a photo of the item and the box within 7 days and we will send a replacement.');
  });
});

describe('how long', () => {
  it('quotes the sentence that gives a length of time, not one with a phone number or a count', () => {
    const engine = engineOf({
      'corpus/clinic.md': '# Clinic\n\n## Appointments\n\nBook an appointment by phone on 01632 960 123. An appointment lasts 10 minutes.\n\n## Repeat prescriptions\n\nOrder them in the app.',
      'corpus/refunds.md': '# Refunds\n\n## When\n\nWe refund to your card within 5 business days of receiving the return. Your bank may take a few more days.',
    });
    expect(ask(engine, 'How long is an appointment?', 1).answers[0]?.answer).toBe('An appointment lasts 10 minutes.');
    expect(ask(engine, 'How long does a refund take?', 1).answers[0]?.answer).toBe('We refund to your card within 5 business days of receiving the return.');
  });

  it('quotes the sentence that gives a range between two times of day', () => {
    const engine = engineOf({
      'corpus/closure.txt': 'School closed on Friday\n\nThe school is closed on Friday because of water main repairs. The water will be off from 7:00 until at least 16:00. Packed lunches are at the community centre.',
      'corpus/other.md': '# Pool\n\nThe pool water is tested daily.',
    });
    expect(ask(engine, 'How long will the water be off?', 1).answers[0]?.answer).toBe('The water will be off from 7:00 until at least 16:00.');
  });
});

describe('what a question asks for, read from its words', () => {
  it('quotes the hours for "what times"', () => {
    const engine = engineOf({
      'corpus/space.md': '# Member guide\n\n## Opening hours\n\nMembers can access the building 24 hours a day. Reception is staffed Monday to Friday, 8:30am to 6pm.\n\n## Day passes\n\nA day pass costs £25 and is valid during staffed hours only. Reception sells them.',
      'corpus/other.md': '# Parking\n\nThe car park is behind the building.',
    });
    expect(ask(engine, 'what times is reception staffed', 1).answers[0]?.answer).toBe('Reception is staffed Monday to Friday, 8:30am to 6pm.');
  });

  it('quotes what a charge means, not its price, for "what does … mean"', () => {
    const engine = engineOf({
      'corpus/tariff.md': '# How your bill is worked out\n\nYour bill has two parts. The standing charge is a fixed daily amount that covers the cost of keeping your home connected. On the Fixed tariff the standing charge is 56.02p per day.',
      'corpus/other.md': '# Moving home\n\nTell us 48 hours before you move.',
    });
    expect(ask(engine, 'what does standing charge mean on my bill', 1).answers[0]?.answer).toBe('The standing charge is a fixed daily amount that covers the cost of keeping your home connected.');
  });
});

describe('a yes-or-no question whether the asker pays', () => {
  it('is answered with the sentence that gives the amount', () => {
    const engine = engineOf({
      'corpus/permits.md': '# Parking permits\n\n## Cancelling\n\nYou can cancel a permit at any time. We refund the unused months, less a £10 admin fee.',
      'corpus/returns.md': '# Returns\n\nReturns are free if the item arrived damaged or wrong. Otherwise a $9.95 return label fee comes off your refund.',
    });
    expect(ask(engine, 'Is there a fee to cancel my permit?', 1).answers[0]?.answer).toBe('We refund the unused months, less a £10 admin fee.');
    expect(ask(engine, 'Do I have to pay for returns?', 1).answers[0]?.answer).toBe('Otherwise a $9.95 return label fee comes off your refund.');
  });

  it('is answered with the amount of a penalty', () => {
    const engine = engineOf({
      'corpus/bills.md': '# Paying your bill\n\n## If you pay late\n\nBills are due within 14 days. If your bill is not paid on time, we send a reminder. If it is still unpaid after 28 days, we add a late payment charge of £12 to your bill.',
      'corpus/other.md': '# Meter readings\n\nSubmit a reading between the 1st and the 5th of each month.',
    });
    expect(ask(engine, "Is there a penalty if my bill isn't paid on time?", 1).answers[0]?.answer).toContain('we add a late payment charge of £12');
  });

  it('is answered with a fee given as a percentage', () => {
    const table = ['| Service | Fee |', '| --- | --- |', '| Monthly fee | £0 |', '| Card payments abroad | 2.75% |', '| Replacement card | £5 |'];
    const engine = engineOf({ 'corpus/fees.md': `# Account fees\n\n${table.join('\n')}`, 'corpus/other.md': '# Branches\n\nOur branches open at 9am.' });
    expect(ask(engine, 'Are there fees for using my card abroad?', 1).answers[0]?.answer).toBe('| Card payments abroad | 2.75% |');
  });
});

describe('a bare yes or no', () => {
  it('is quoted with the sentence after it, which says what it means', () => {
    const engine = engineOf({
      'corpus/faq.md': '# Billing FAQ\n\n## Is there a free trial?\n\nYes. Every plan starts with a 14-day trial.\n\n## Can I pay by check?\n\nNo! We accept cards only.\n\n## Do you sell gift cards?\n\nYes.\n\nAsk at the desk.',
    });
    expect(ask(engine, 'Is there a free trial?', 1).answers[0]?.answer).toBe('Yes. Every plan starts with a 14-day trial.');
    expect(ask(engine, 'Can I pay by check?', 1).answers[0]?.answer).toBe('No! We accept cards only.');
    // Not across a paragraph: "Ask at the desk." is another paragraph.
    expect(ask(engine, 'Do you sell gift cards?', 1).answers[0]?.answer).toBe('Yes.');
  });
});

describe('a sentence that refers back to the one before it', () => {
  it.each([
    [
      'its pronoun stands for',
      '# Package leaflet\n\nCalmaprin contains ibuprofen, a painkiller that also reduces fever. It is used for headache, toothache and period pain.\n\nStore the tablets below 25 °C.',
      'What is Calmaprin used for?',
      'Calmaprin contains ibuprofen, a painkiller that also reduces fever. It is used for headache, toothache and period pain.',
    ],
    [
      '"The company" stands for, when it holds the amount a "how much" question asks for',
      '# The deal\n\nWang drives AI decisions at Meta, which invested in Scale AI in June 2025. The company acquired a 49% stake for more than $14 billion.\n\nWang founded Scale at 19.',
      'How much did Meta pay for Scale AI?',
      'Wang drives AI decisions at Meta, which invested in Scale AI in June 2025. The company acquired a 49% stake for more than $14 billion.',
    ],
    [
      '"The company" stands for, when it holds the amount a "what did … pay" question asks for',
      '# The deal\n\nWang drives AI decisions at Meta, which invested in Scale AI in June 2025. The company acquired a 49% stake for more than $14 billion.\n\nWang founded Scale at 19.',
      'What did Meta pay for Scale AI?',
      'Wang drives AI decisions at Meta, which invested in Scale AI in June 2025. The company acquired a 49% stake for more than $14 billion.',
    ],
    [
      'its pronoun stands for, when it holds the phone number a contact question asks for',
      '# Help\n\nThe help desk resets passwords and unlocks accounts. Call it on 020 7946 0958 from 8:00 to 18:00.\n\nLaptops are replaced every four years.',
      'How do I contact the help desk?',
      'The help desk resets passwords and unlocks accounts. Call it on 020 7946 0958 from 8:00 to 18:00.',
    ],
  ])('is quoted with the sentence that says what %s', (_, page, question, answer) => {
    const engine = engineOf({ 'corpus/page.md': page, 'corpus/other.md': '# Other\n\nThe hotel garage is used by guests only. Meta released new models in April.' });
    expect(ask(engine, question, 1).answers[0]?.answer).toBe(answer);
  });

  it('counts the question words of the sentence it refers to as its own', () => {
    const text = 'Paint and batteries are never collected at the curb. Take them to the depot on Quarry Road. Drop-off is free.';
    const p: Passage = { doc: 0, ordinal: 1, section: '', lines: [1, 1], text, sentences: [0, 53, 92] };
    const a = analysedAlike(p, 'Where do I take paint?', 'any');
    expect(a.sentenceWeights).toEqual([1, 2, 0]);
    expect(answerSpan(p, a)).toEqual([0, 1]);
  });

  it.each([
    ['It is open on Saturdays.', true],
    ['They open the depot on Saturdays.', true],
    ['This depot is open on Saturdays.', true],
    ['In summer, it is open on Saturdays.', true],
    ['The city opens it on Saturdays.', true],
    ['The depot is open on Saturdays.', false],
    ['Quarry Road knows its depot is open on Saturdays.', false],
    ['Italy has a depot open on Saturdays.', false],
  ])('reads %j as referring back: %s', (second, refers) => {
    const first = 'Paint goes to the Quarry Road depot.';
    const text = `${first} ${second}`;
    const p: Passage = { doc: 0, ordinal: 1, section: '', lines: [1, 1], text, sentences: [0, first.length + 1] };
    expect(answerSpan(p, analysedAlike(p, 'Is it open on Saturdays?', 'any'))).toEqual(refers ? [0, 1] : [1, 1]);
  });

  it('does not reach into the paragraph before, or quote a question with it', () => {
    const lines = 'Chill the rice for an hour.\nTo make it vegan, leave out the eggs.';
    const p: Passage = { doc: 0, ordinal: 1, section: '', lines: [1, 2], text: lines, sentences: [0, 28] };
    expect(answerSpan(p, analysedAlike(p, 'How do I make it vegan?', 'any'))).toEqual([1, 1]);
    const faq = 'Is the pool heated? It is heated to 28 °C.';
    const q: Passage = { ...p, text: faq, sentences: [0, 20] };
    expect(answerSpan(q, analysedAlike(q, 'How warm is the heated pool?', 'number'))).toEqual([1, 1]);
  });
});

describe('the answer sentence under a FAQ heading', () => {
  const faq = (heading: string) =>
    engineOf({
      'corpus/faq.md': [
        '# Help',
        '## How do I reset my password?',
        'Open Settings and click Reset password. We email you a link that works for 30 minutes.',
        `## ${heading}`,
        'Write to the support address you signed up with. Deletion of the account is permanent after 14 days.',
      ].join('\n\n'),
    });

  it('is the first sentence of the section when the heading asks the question', () => {
    expect(ask(faq('How do I delete my account?'), 'How do I delete my account?', 1).answers[0]?.answer).toBe(
      'Write to the support address you signed up with.',
    );
  });

  it('cites the heading the passage sits under, but not a heading that is the title', () => {
    const engine = faq('How do I delete my account?');
    expect(ask(engine, 'How do I delete my account?', 1).answers[0]?.citation).toMatchObject({ title: 'Help', section: 'How do I delete my account?' });
    const top = engineOf({ 'corpus/a.md': '# Handbook\n\nEveryone gets 25 days of paid leave.' });
    expect(ask(top, 'How many days of leave?', 1).answers[0]?.citation).not.toHaveProperty('section');
  });

  it('is the sentence that adds a word of the question the heading lacks, over the section opening', () => {
    const engine = faq('How do I delete my account?');
    expect(ask(engine, 'How do I reset my password?', 1).answers[0]?.answer).toBe('Open Settings and click Reset password.');
    expect(ask(engine, 'How long does the password reset link work?', 1).answers[0]?.answer).toBe('We email you a link that works for 30 minutes.');
  });

  // The fifteenth structured set's documents: a coffee machine's manual in HTML, a CONTRIBUTING.md, a news article, …
  const fifteenth = fixtureEngine('structured-15');

  it.each([
    // Under "Descaling": not "Descale the machine every three months, …", which only repeats the heading's word.
    ['How long does descaling take?', 'The programme takes about 25 minutes.'],
    // Under "Pull requests": not "2. Keep a pull request to one change. …".
    ['How many approvals does a pull request need?', '3. CI must pass, and one maintainer must approve.'],
  ])('is, for "%s", the sentence that adds a word of the question to its topic heading, over one that repeats the heading', async (question, answer) => {
    expect(ask(await fifteenth, question, 1).answers[0]?.answer).toBe(answer);
  });

  it('is still the best-covering sentence when that covers more than the heading, or the heading asks nothing', () => {
    expect(ask(faq('How do I delete my account?'), 'How long does the emailed link work?', 1).answers[0]?.answer).toBe(
      'We email you a link that works for 30 minutes.',
    );
    expect(ask(faq('Account deletion'), 'Is deletion of my account permanent?', 1).answers[0]?.answer).toBe(
      'Deletion of the account is permanent after 14 days.',
    );
    // "How do I …" prefers the sentence that says what to do.
    expect(ask(faq('Account deletion'), 'How do I delete my account?', 1).answers[0]?.answer).toBe('Write to the support address you signed up with.');
  });
});

describe('ranking and abstention', () => {
  const engine = engineOf({
    'corpus/cats.txt': 'Cats sleep for most of the day. A cat purrs when it is content.',
    'corpus/rockets.txt': 'Rockets burn liquid oxygen and kerosene. The first stage separates after two minutes.',
    'corpus/tea.txt': 'Green tea is steamed or pan-fired. Black tea is fully oxidised before drying.',
  });

  it('ranks the passage that matches the rare words of the question first', () => {
    const r = rank(engine, 'What do rockets burn?', 3);
    expect(engine.passages[r.hits[0]!.passageId]!.text).toContain('liquid oxygen');
  });

  it('abstains when most words of the question occur nowhere in the corpus', () => {
    expect(rank(engine, 'What is the capital of France and its population?', 3)).toMatchObject({ abstained: true, hits: [] });
  });

  it('ranks an off-topic question anyway when asked not to abstain, as evaluation does', () => {
    const r = rank(engine, 'What is the capital of France and how is its tea grown?', 3, { abstain: false });
    expect(r.abstained).toBe(false);
    expect(engine.passages[r.hits[0]!.passageId]!.text).toContain('tea');
  });

  it('abstains on a question made only of stop words', () => {
    expect(rank(engine, 'What is it, and who did what?', 3).abstained).toBe(true);
  });

  it('answers when one word is a paraphrase but the rest match', () => {
    const r = ask(engine, "When does the rocket's first stage separate from the launcher?", 1);
    expect(r.answers[0]?.answer).toBe('The first stage separates after two minutes.');
  });

  it('reads "IT" and "U.S." in capitals as the acronyms they are, and highlights them', () => {
    const handbook = engineOf({
      'corpus/handbook.md': [
        '# Handbook',
        '## Benefits',
        'Contact HR about benefits. HR answers every contact request within a day.',
        '## Equipment',
        'Laptops are issued by the IT service desk. Contact the IT desk on extension 4000.',
        '## Holidays',
        'Employees in the U.S. office get July 4 off. Staff of the Berlin office get October 3 off.',
        '## CONTACT US',
        'Write to us about anything, any day of the year.',
      ].join('\n\n'),
    });
    const it = ask(handbook, 'How do I contact IT?', 1).answers[0]!;
    expect(it.citation.section).toBe('Equipment');
    expect(it.highlights.map(([s, e]) => it.text.slice(s, e))).toEqual(['IT', 'Contact', 'IT']);
    const us = ask(handbook, 'Which day off do US employees get?', 2).answers;
    expect(us[0]?.answer).toBe('Employees in the U.S. office get July 4 off.');
    // A heading in capitals is not the acronym: "CONTACT US" holds no "US".
    expect(us.map((a) => a.citation.section)).not.toContain('CONTACT US');
  });

  it('returns the same ranking for the same question', () => {
    expect(rank(engine, 'tea drying', 3)).toEqual(rank(engine, 'tea drying', 3));
  });

  it('shows after the first answer only passages that hold a word of the question in their text or heading', () => {
    // One document: its title ("Office handbook") is every passage's, so every passage matches "office".
    const handbook = engineOf({
      'corpus/handbook.md': [
        '# Office handbook',
        'Welcome to the office. '.repeat(30),
        '## Wifi',
        'The office wifi password is on the fridge.',
        '## Parking',
        'Park in bays 10 to 20. '.repeat(20),
        '## Lunch',
        'Lunch is served at noon. '.repeat(20),
        '## Wifi for guests',
        'Ask reception for a pass. '.repeat(20),
      ].join('\n\n'),
    });
    const answers = ask(handbook, 'What is the office wifi password?', 3).answers;
    // "Welcome to the office." holds "office" in its text: it stays (under the title heading, which counts as the title).
    expect(answers.map((a) => a.text.slice(0, 20))).toEqual(['The office wifi pass', 'Ask reception for a ', 'Welcome to the offic']);
    expect(ask(handbook, 'What is the wifi password?', 3).answers.map((a) => a.text.slice(0, 20))).toEqual(['The office wifi pass', 'Ask reception for a ']);
    expect(answers[1]!.citation.section).toBe('Wifi for guests'); // its heading holds "wifi"
    // An evaluation's ranking of every passage leaves them out too: it measures what a reader is shown.
    const sections = rank(handbook, 'What is the office wifi password?', 100).hits.map((h) => handbook.passages[h.passageId]!.section);
    expect(sections).toEqual(['Wifi', 'Wifi for guests', 'Office handbook', 'Office handbook']);
  });
});

/** Passages that share no word with the questions of these tests, to give a corpus the size where the full abstention thresholds hold. */
const FILLER = Object.fromEntries(
  Array.from({ length: RANKING.smallCorpus.fullFrom }, (_, i) => [`corpus/filler-${i}.txt`, `Gardeners water the roses in bed ${i}.`]),
);

describe('abstention counts words the question puts side by side', () => {
  // Five question terms, each in exactly one passage but "turbopumps", which is in none (a word the
  // corpus lacks weighs like its rarest: equal IDF): the best passage covers two of them, 40 % of
  // the question's weight, under RANKING.minSupport (0.425) on its own.
  const question = 'liquid oxygen kerosene valves turbopumps';
  const others = { 'corpus/b.txt': 'Kerosene is stored cold.', 'corpus/c.txt': 'Valves open slowly.', ...FILLER };

  it('answers when the best passage holds two adjacent question words together', () => {
    const engine = engineOf({ 'corpus/a.txt': 'The engine burns liquid oxygen in a long flame.', ...others });
    const r = rank(engine, question, 3);
    expect(r.abstained).toBe(false);
    expect(r.hits[0]!.coverage).toBeCloseTo(0.4, 6);
    expect(engine.passages[r.hits[0]!.passageId]!.text).toContain('liquid oxygen');
  });

  it('abstains when the same two words stand far apart', () => {
    const engine = engineOf({ 'corpus/a.txt': 'The liquid in the engine burns with oxygen from the long flame tank.', ...others });
    expect(rank(engine, question, 3)).toMatchObject({ abstained: true, hits: [] });
    expect(rank(engine, question, 3, { abstain: false }).hits[0]!.coverage).toBeCloseTo(0.4, 6);
  });
});

describe('abstention on a question whose words the corpus all holds', () => {
  // As above, the best passage holds two of the question's five terms far apart (40 % of its weight,
  // under RANKING.minSupport, 0.425), and has no neighbours; here the corpus holds all five.
  const liquidOxygen = 'The liquid in the engine burns with oxygen from the long flame tank.';
  const others = { 'corpus/b.txt': 'Kerosene is stored cold.', 'corpus/c.txt': 'Valves open slowly.', 'corpus/d.txt': 'Turbopumps spin quickly.', ...FILLER };

  it('answers with RANKING.supportShift.known less support', () => {
    expect(RANKING.minSupport - RANKING.supportShift.known).toBeLessThanOrEqual(0.4);
    const engine = engineOf({ 'corpus/a.txt': liquidOxygen, ...others });
    expect(rank(engine, 'liquid oxygen kerosene valves turbopumps', 1, { abstain: false }).hits[0]!.coverage).toBeCloseTo(0.4, 6);
    expect(ask(engine, 'liquid oxygen kerosene valves turbopumps', 1).answers[0]?.answer).toBe(liquidOxygen);
  });

  it('not when the question writes two of the words as one compound the best passage holds apart', () => {
    const engine = engineOf({ 'corpus/a.txt': liquidOxygen, ...others });
    expect(rank(engine, 'liquid-oxygen kerosene valves turbopumps', 1, { abstain: false }).terms).toEqual(['liquid', 'oxygen', 'kerosen', 'valv', 'turbopump']);
    expect(rank(engine, 'liquid-oxygen kerosene valves turbopumps', 1)).toMatchObject({ abstained: true, hits: [] });
  });

  it(`not for a question of more than ${RANKING.supportShift.knownTerms} terms`, () => {
    // Ten terms, each in one passage; the best passage holds four of them (40 %), none next to another in the question.
    const fuel = 'The liquid in the engine turns valves; its nozzles glow while injectors hum by the long flame tank.';
    const each = ['Oxygen boils.', 'Kerosene is stored cold.', 'Turbopumps spin quickly.', 'Gimbals swivel.', 'Igniters spark.', 'Manifolds leak.'];
    const engine = engineOf({ 'corpus/a.txt': fuel, ...Object.fromEntries(each.map((text, i) => [`corpus/part-${i}.txt`, text])), ...FILLER });
    const question = 'liquid oxygen kerosene valves turbopumps nozzles gimbals igniters injectors manifolds';
    expect(rank(engine, question, 1, { abstain: false }).hits[0]!.coverage).toBeCloseTo(0.4, 6);
    expect(rank(engine, question, 1)).toMatchObject({ abstained: true, hits: [] });
  });
});

describe('abstention on a "who" question', () => {
  // Four terms, each in one passage; the best passage holds two of them far apart (half the question's weight).
  const others = { 'corpus/b.txt': 'Tests run at night.', 'corpus/c.txt': 'Turbopumps spin quickly.', ...FILLER };
  const unnamed = 'The liquid in the engine burns with oxygen from the long flame tank.';

  it(`asks for RANKING.supportShift.unnamed more support when the best passage names no one`, () => {
    const engine = engineOf({ 'corpus/a.txt': unnamed, ...others });
    expect(rank(engine, 'Who tested the liquid oxygen turbopumps?', 1, { abstain: false }).hits[0]!.coverage).toBeCloseTo(0.5, 6);
    expect(rank(engine, 'Who tested the liquid oxygen turbopumps?', 1)).toMatchObject({ abstained: true, hits: [] });
    // The same words, not asking for a name: answered.
    expect(ask(engine, 'When were the liquid oxygen turbopumps tested?', 1).answers[0]?.answer).toBe(unnamed);
  });

  it('answers it when the best passage names someone the question does not', () => {
    const named = 'Engineer Mira Holt saw the liquid in the engine burn with oxygen from the long flame tank.';
    const engine = engineOf({ 'corpus/a.txt': named, ...others });
    expect(ask(engine, 'Who tested the liquid oxygen turbopumps?', 1).answers[0]?.answer).toBe(named);
  });

  it('answers "who can …" without a name: it asks who may, not who did', () => {
    const engine = engineOf({ 'corpus/a.txt': unnamed, ...others });
    expect(ask(engine, 'Who can test the liquid oxygen turbopumps?', 1).answers[0]?.answer).toBe(unnamed);
  });
});

describe('abstention looks at the passages around the best one', () => {
  // Each question term is in exactly one passage (equal IDF); the best passage holds some of them far
  // apart, so its support is its coverage alone. Its nearest passages share its other words ("engine tank").
  const liquidOxygen = 'The liquid in the engine burns with oxygen from the long flame tank.';

  it('answers with less support when the passages around the best one hold words of the question too', () => {
    const question = 'liquid oxygen kerosene valves turbopumps';
    // "turbopumps" is in no passage (it weighs like the rarest word), so no less support is asked for a question the corpus knows all of.
    // 40 % of the question's weight, under RANKING.minSupport (0.425): refused when the passage stands alone …
    const alone = engineOf({ 'corpus/a.txt': liquidOxygen, 'corpus/b.txt': 'Kerosene is stored cold.', 'corpus/c.txt': 'Valves open slowly.', ...FILLER });
    expect(rank(alone, question, 3, { abstain: false }).hits[0]!.coverage).toBeCloseTo(0.4, 6);
    expect(rank(alone, question, 3).abstained).toBe(true);
    // … answered when the passages nearest to it hold two more of the question's words.
    const around = engineOf({ 'corpus/a.txt': liquidOxygen, 'corpus/b.txt': 'Kerosene is stored cold in the engine tank.', 'corpus/c.txt': 'Valves on the engine tank open slowly.', ...FILLER });
    for (const k of [1, 3]) expect(ask(around, question, k).answers[0]?.answer).toBe(liquidOxygen);
  });

  describe('the passages before and after the best one in its document', () => {
    const question = 'liquid oxygen kerosene valves turbopumps';
    // Text that shares no word with the question nor with each other, so that no passage is another's neighbour
    // and each is as long as the manual's (the ranking prefers a short passage).
    const valves = 'Valves open slowly. Grandmother knitted scarves of red wool by the fire, counting stitches aloud; her needles clicked like clocks. Neighbours brought pies, plums and gossip about the mayor, whose horse had escaped twice since Easter and eaten the vicar’s tulips.';
    // "turbopumps" is in no passage (it weighs like the rarest word), so no less support is asked for a question the corpus knows all of.
    const pumps = 'Pistons spin quickly. Jazz drifted from the basement club where saxophones, a battered piano and drums played till three. Dancers wore silver shoes; the bartender polished glasses and told jokes about sailors, parrots and lost umbrellas to anyone listening.';
    const others = { 'corpus/c.txt': valves, 'corpus/d.txt': pumps, ...FILLER };
    const crew = 'The crew had soup at noon, then slept. Breakfast was bread with honey and tea. Their cook, Mira, sang old songs while the cups were washed. Later everyone enjoyed cards until midnight. On Sundays they walked to the village market to buy cheese, apples and fresh eggs from a woman called Ada.';
    const weather = 'Snow fell on the northern hills all week. Winds from the west bent the pines, and fog hid the harbour each dawn. Farmers waited for spring; lambs arrived late that year. Rivers froze often, roads closed, and the school bus stayed home while children built forts behind the church.';

    it('counts the words that the passage just before or after the best one in its document holds, at a share of their weight', () => {
      // One document cut into two passages: the first holds "liquid" and "oxygen" far apart (0.4 of the question's
      // weight, under RANKING.minSupport), the one after it "kerosene" (half of its 0.2 counts: 0.5 in all).
      const manual = `${liquidOxygen} ${crew}\n\nKerosene is stored cold. ${weather}`;
      const cut = engineOf({ 'corpus/a.txt': manual, ...others });
      expect(cut.passages.filter((p) => cut.docs[p.doc]!.source === 'corpus/a.txt')).toHaveLength(2);
      expect(ask(cut, question, 1).answers[0]?.answer).toBe(liquidOxygen);
      // The same sentence in another document lends nothing.
      const apart = engineOf({ 'corpus/a.txt': `${liquidOxygen} ${crew}`, 'corpus/b.txt': `Kerosene is stored cold. ${weather}`, ...others });
      expect(rank(apart, question, 1)).toMatchObject({ abstained: true, hits: [] });
    });

    it('counts the words of the passage two after the best one in its document, not three', () => {
      // Paragraphs sharing no word with the question or each other, each too long to share a passage with the next.
      const trains = 'Trains to the coast leave hourly from platform nine. Porters in blue caps carry trunks, hatboxes and birdcages; a brass band greets the noon express. Tickets cost a shilling, children ride free on Saturdays, and the stationmaster keeps a tortoise named Percival in his office beside the ticket window.';
      const garden = 'Tomatoes ripened along the southern wall by August. Bees hummed over lavender, mint and thyme; a wheelbarrow rusted under the walnut tree. Grandfather pruned the apricots each March, wrote the harvest in a ledger, and traded marrows with Mrs Pike for quince jam, pickled onions and wild honeycomb. Cousins visited every autumn to gather pears, plums and hazelnuts.';
      const kerosene = `Kerosene is stored cold. ${weather}`;
      const passagesOf = (engine: ReturnType<typeof engineOf>): number => engine.passages.filter((p) => engine.docs[p.doc]!.source === 'corpus/a.txt').length;
      // "kerosene" two passages after the best one: half of its weight counts, as for the passage just after it.
      const two = engineOf({ 'corpus/a.txt': `${liquidOxygen} ${crew}\n\n${trains}\n\n${kerosene}`, ...others });
      expect(passagesOf(two)).toBe(3);
      expect(ask(two, question, 1).answers[0]?.answer).toBe(liquidOxygen);
      // Three passages after it: another part of the document, which lends nothing.
      const three = engineOf({ 'corpus/a.txt': `${liquidOxygen} ${crew}\n\n${trains}\n\n${garden}\n\n${kerosene}`, ...others });
      expect(passagesOf(three)).toBe(4);
      expect(rank(three, question, 1)).toMatchObject({ abstained: true, hits: [] });
    });
  });

  it("asks for more support when the best passage's nearest passages hold none of the question", () => {
    const question = 'liquid oxygen kerosene valves turbopumps nozzles gimbals';
    const nozzles = 'The liquid in the engine burns with oxygen, and the nozzles of its long flame tank glow.';
    const others = { 'corpus/b.txt': 'Kerosene is stored cold.', 'corpus/c.txt': 'Valves open slowly.', 'corpus/d.txt': 'Turbopumps spin quickly.', 'corpus/e.txt': 'Gimbals swivel.', ...FILLER };
    // 3 of 7 terms, 0.43 of the question's weight: enough for a passage on its own …
    const alone = engineOf({ 'corpus/a.txt': nozzles, ...others });
    expect(rank(alone, question, 3, { abstain: false }).hits[0]!.coverage).toBeCloseTo(3 / 7, 6);
    expect(ask(alone, question, 1).answers[0]?.answer).toBe(nozzles);
    // … not for one whose nearest passages are about a museum's engine, which the question is not.
    const museum = engineOf({ 'corpus/a.txt': nozzles, 'corpus/m1.txt': 'The museum keeps an engine and its flame tank.', 'corpus/m2.txt': 'Visitors see the engine tank at noon.', ...others });
    for (const k of [1, 3]) expect(rank(museum, question, k)).toMatchObject({ abstained: true, hits: [] });
  });
});

describe('abstention weighs a frame word as the ranking does', () => {
  it('answers when the best passage holds what the question is about, not its light verb ("give")', () => {
    const engine = engineOf({
      // Words of its own (no neighbours, so the support needs RANKING.minSupport as it is).
      'corpus/scholarship.txt': 'The scholarship pays twelve hundred a year for three years.',
      'corpus/donors.txt': 'Donors give books to the library.',
      ...Object.fromEntries(Array.from({ length: 4 }, (_, i) => [`corpus/money-${i}.txt`, `Money for trip ${i} is kept in the safe.`])),
      ...FILLER,
    });
    // Counting "give" in full, the scholarship's passage would hold too little of the question (0.37 of its
    // weight, under RANKING.minSupport); at the frame weight, as the ranking counts it, it holds enough (0.45).
    expect(ask(engine, 'How much money does the scholarship give?', 1).answers[0]?.answer).toBe('The scholarship pays twelve hundred a year for three years.');
  });
});

describe('abstention on small corpora', () => {
  const small = {
    'corpus/cats.txt': 'Cats sleep for most of the day. A cat purrs when it is content.',
    'corpus/rockets.txt': 'Rockets burn liquid oxygen and kerosene. The first stage separates after two minutes.',
  };
  // Two of its three terms ("first", "stage") are in the corpus, "detach" is not.
  const question = 'When does the first stage detach?';

  it('answers in a small corpus a question with one word the corpus lacks', () => {
    const engine = engineOf(small);
    expect(ask(engine, question, 1).answers[0]?.answer).toBe('The first stage separates after two minutes.');
  });

  it('answers it in a corpus of about 100 passages when one sentence holds its other words, and only then', () => {
    const hundred = Object.fromEntries(Object.entries(FILLER).slice(0, 100));
    expect(rank(engineOf({ ...small, ...hundred }), question, 1).abstained).toBe(false);
    const apart = { ...small, 'corpus/rockets.txt': 'The first rockets burned kerosene. Each stage separates after two minutes.' };
    expect(rank(engineOf({ ...apart, ...hundred }), question, 1).abstained).toBe(true);
    expect(rank(engineOf(apart), question, 1).abstained).toBe(false);
  });

  it('abstains on the same question in a corpus large enough for the full thresholds', () => {
    const engine = engineOf({ ...small, ...FILLER });
    expect(rank(engine, question, 1)).toMatchObject({ abstained: true, hits: [] });
    expect(rank(engine, question, 1, { abstain: false }).hits).toHaveLength(1);
  });

  it('answers a two-word question with one word the corpus lacks when the other heads the best section, and only then', () => {
    const engine = engineOf({
      'corpus/handbook.txt': [
        'Handbook',
        '1. REMOTE WORK',
        'Employees may work remotely up to three days a week.',
        '2. HOURS',
        'Core hours are 10 to 3. Full-time staff work 40 hours a week.',
      ].join('\n\n'),
      ...Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`corpus/note-${i}.txt`, `Note ${i}: the kitchen on floor ${i} closes at six.`])),
    });
    // "home" is nowhere in the corpus; "work" is, and heads the remote-work section.
    expect(ask(engine, 'Can I work from home?', 1).answers[0]?.answer).toBe('Employees may work remotely up to three days a week.');
    // "kitchen" is in the corpus but in no heading: the question stays refused.
    expect(rank(engine, 'Is the kitchen vegan?', 1).abstained).toBe(true);
    // Two words missing: refused, heading or not.
    expect(rank(engine, 'Can I work from my home office abroad?', 1).abstained).toBe(true);
  });

  it('counts the label of a "Label: value" line like a heading there', () => {
    const FILLER_NOTES = Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`corpus/note-${i}.txt`, `Note ${i}: the kitchen on floor ${i} closes at six.`]));
    const engine = engineOf({
      'corpus/spec.txt': 'Aero 3\n\nWeight: 3.2 kg\nBattery: 5,200 mAh\n\nThe robot weighs less than most and runs on battery power all day.',
      ...FILLER_NOTES,
    });
    // "maximum" is nowhere in the corpus; "weight" labels a line.
    expect(ask(engine, 'What is the maximum weight?', 1).answers[0]?.answer).toBe('Weight: 3.2 kg');
    // A label in Markdown bold too ("email" is nowhere).
    const syllabus = engineOf({ 'corpus/cs101.md': '# CS 101\n\n**Instructor:** Dr. Maya Lin (maya.lin@uni.example)\n**Office hours:** Tuesdays 2–4 pm', ...FILLER_NOTES });
    expect(ask(syllabus, "What is the instructor's email?", 1).answers[0]?.answer).toBe('**Instructor:** Dr. Maya Lin (maya.lin@uni.example)');
    // A label that opens a list item ("worth" is nowhere).
    const grading = engineOf({ 'corpus/cs102.md': '# CS 102\n\n## Grading\n\n- Weekly labs: 20%\n- Final exam: 30%', ...FILLER_NOTES });
    expect(ask(grading, 'How much is the exam worth?', 1).answers[0]?.answer).toBe('- Final exam: 30%');
    // "kitchen" is in the text of a labelled line, not in its label: still refused.
    expect(rank(engine, 'Is the kitchen vegan?', 1).abstained).toBe(true);
  });

  it("counts the document's subject, named in its title and so in every passage, as evidence the question is on topic", () => {
    // One document: "falcon", "rocket" and "launch" are in every passage (the
    // title), "cost" in none; the answer says "priced". Weighing them near zero, as IDF alone does, left
    // the unknown word all the weight and refused the question.
    const work = ['fuel', 'valves', 'weather', 'range safety', 'recovery ships', 'telemetry'].map((task) =>
      Array.from({ length: 8 }, (_, i) => `Crew ${i + 1} checks the ${task} twice before the window opens.`).join(' '),
    );
    const engine = engineOf({
      'corpus/falcon.md': [
        '# Falcon rocket launch',
        ...work.slice(0, 3),
        'A Falcon rocket launch was priced at sixty million dollars, paid in three instalments. Insurance adds four million dollars.',
        ...work.slice(3),
      ].join('\n\n'),
    });
    expect(engine.passages.length).toBeGreaterThanOrEqual(5);
    const question = 'How much does a Falcon rocket launch cost?';
    expect(ask(engine, question, 1).answers[0]?.answer).toBe('A Falcon rocket launch was priced at sixty million dollars, paid in three instalments.');
    // Off the document's subject, the same kind of question is still refused.
    expect(rank(engine, 'How much does a Tesla car cost?', 1).abstained).toBe(true);
    // Choosing the answer sentence, the subject's words still weigh almost
    // nothing: one word of the question that only one sentence holds beats three of them.
    expect(ask(engine, 'How much does Falcon rocket launch insurance cost?', 1).answers[0]?.answer).toBe('Insurance adds four million dollars.');
  });

  it("answers a question with one word the corpus lacks when its other words are in the best passage's short document title", () => {
    const files = {
      'corpus/marenko.md': '# Ilse Marenko\n\nIn 1953 she joined the institute in Gothenburg. She designed a pressure-proof camera housing for deep-sea photography.',
      'corpus/lighthouse.md': '# The lighthouse keepers\n\nKeepers lived at the lighthouse for six weeks at a time and kept a log of passing ships.',
      'corpus/tide.md': '# Tides\n\nTides rise and fall twice a day along the coast, and the harbour master posts the times.',
      'corpus/paper.md': '# On the measurement of pressure distributions over swept wings at supersonic speeds\n\nThe wings were tested in the tunnel at three angles.',
    };
    const engine = engineOf(files);
    // "invent" is nowhere; "Marenko" is in the title of the biography.
    expect(ask(engine, 'What did Marenko invent?', 1).answers[0]?.citation.source).toBe('corpus/marenko.md');
    // Nor does the title of a one-document corpus, which is every passage's.
    expect(ask(engineOf({ 'corpus/marenko.md': files['corpus/marenko.md'] }), 'What did Marenko invent?', 1).answers).toEqual([]);
  });

  it('does not hold a missing frame verb ("get", "happen") against a question, only a missing subject word', () => {
    const engine = engineOf({
      'corpus/leave.md': [
        '# Parental leave',
        'Birth parents are entitled to 26 weeks of parental leave at full pay. Partners receive six weeks at full pay, to be taken within a year of the birth.',
        '# Sick leave',
        "For absences longer than seven calendar days you must provide a doctor's note.",
      ].join('\n\n'),
    });
    // "paternity" and "get" are not in the corpus, "leave" and "partners" are.
    expect(ask(engine, 'How much paternity leave do partners get?', 1).answers[0]?.answer).toBe(
      'Partners receive six weeks at full pay, to be taken within a year of the birth.',
    );
    expect(rank(engine, 'How much paternity leave do partners demand?', 1).abstained).toBe(true);
    expect(rank(engine, 'How do I get a visa?', 1).abstained).toBe(true);
  });

  it('does not hold a missing noun that asks for a kind of text ("policy") against a question', () => {
    const engine = engineOf({
      'corpus/hotel.md': ['# Hotel', '## Cancellation', 'You can cancel free of charge until 48 hours before arrival.', '## Pets', 'Dogs are welcome for €15 per night.'].join('\n\n'),
    });
    // The page states its policy without the word; a missing subject word still counts
    // ("bedding"; "dogs" is in the text, not in the heading "Pets").
    expect(ask(engine, 'What is the cancellation policy?', 1).answers[0]?.answer).toBe('You can cancel free of charge until 48 hours before arrival.');
    expect(ask(engine, 'What is the dog bedding policy?', 1).answers).toEqual([]);
  });

  it('does not hold a missing adjective a reader adds ("old", "different") against a question', () => {
    const engine = engineOf({
      'corpus/waste.txt': 'HAZARDOUS WASTE\n\nPaint, motor oil and batteries are never collected at the curb. Take them to the depot on Quarry Road.',
      'corpus/bus.txt': 'BUS RULES\n\nStudents may only ride their assigned route.',
      ...Object.fromEntries(Object.entries(FILLER).slice(0, 100)),
    });
    expect(ask(engine, 'Where do I take old paint?', 1).answers[0]?.answer).toBe(
      'Paint, motor oil and batteries are never collected at the curb. Take them to the depot on Quarry Road.',
    );
    expect(ask(engine, 'Can students ride a different route?', 1).answers[0]?.answer).toBe('Students may only ride their assigned route.');
    // A missing subject word still counts.
    expect(ask(engine, 'Where do I take old tires?', 1).answers).toEqual([]);
  });

  it('answers from the words a question is about, not from the words that frame it ("get", "mean", "how long", "how much … cost")', () => {
    const engine = engineOf({
      'corpus/plans.md': [
        '# Plans',
        'Annual billing saves 20 percent. You can cancel at any time; refunds are given within 30 days of purchase.',
        '## Students',
        'Students with a university email address get the Pro plan free for one year.',
        '## Error codes',
        '| code | meaning | what to do |\n|---|---|---|\n| E101 | Network unreachable | Check your connection |\n| E202 | Quota exceeded | Delete files or upgrade |',
        '## Hours',
        'You may work as long as you like between 10:00 and 16:00.',
        '## Passwords',
        'Passwords need at least 14 characters.',
        '## Accounts',
        'Your password is personal: never share it.',
        '## Parking',
        'Parking costs €20 a month for every tenant with a car.',
        '## Storage',
        'A storage locker in the basement is €30 a month, and the caretaker hands out its key and a copy of the house rules.',
      ].join('\n\n'),
    });
    // Every word here is in one passage only: "refund" and "get" weigh the same, but "get" only frames the question.
    expect(ask(engine, 'Can I get a refund?', 1).answers[0]?.answer).toBe('You can cancel at any time; refunds are given within 30 days of purchase.');
    expect(ask(engine, 'What does error E202 mean?', 1).answers[0]?.answer).toBe('| E202 | Quota exceeded | Delete files or upgrade |');
    // "long" is in one passage, "password" in two; but "how long" asks for a length, it is not the subject.
    expect(ask(engine, 'How long must a password be?', 1).answers[0]?.answer).toBe('Passwords need at least 14 characters.');
    // "cost" is in one passage, "locker" in one; but "how much … cost" asks for an amount of money, it is not the subject.
    expect(ask(engine, 'How much does a locker cost?', 1).answers[0]?.answer).toBe('A storage locker in the basement is €30 a month, and the caretaker hands out its key and a copy of the house rules.');
  });

  it('reads the noun of "what kind of", "the name of", "the term for", "the percentage of", and "typically", "located", "take place", as how a question asks, not as its subject ("What sort of waves …?" is not about sorting)', () => {
    const engine = engineOf({
      'corpus/lab.md': [
        '# Lab notes',
        '## Radio',
        'In Colorado Springs he observed stationary waves in the ground during thunderstorms.',
        '## Sorting',
        'Sort the samples by date before you observe them; a sort by size is kept for the archive.',
        '## Storage',
        'Samples are kept at four degrees in the cold room.',
      ].join('\n\n'),
    });
    expect(ask(engine, 'What sort of waves did he observe?', 1).answers[0]?.answer).toBe('In Colorado Springs he observed stationary waves in the ground during thunderstorms.');
    expect(ask(engine, 'What kinds of samples are kept cold?', 1).answers[0]?.answer).toBe('Samples are kept at four degrees in the cold room.');
    // "the name of …" and "the term for …" ask what something is called: a passage need not say "name" or "term".
    expect(rank(engine, 'What is the name of the cold room?', 1).frame).toContain('name');
    expect(rank(engine, 'What is the term for a sort by size?', 1).frame).toEqual(new Set(['term']));
    expect(rank(engine, 'When does the summer term end?', 1).frame ?? new Set()).not.toContain('term');
    // So do "the percentage of …" and "the number of …": the answer's type says a figure is asked for.
    expect(rank(engine, 'What percentage of the samples are kept cold?', 1).frame).toContain(term('percentage'));
    expect(rank(engine, 'What is the number of samples in the cold room?', 1).frame).toContain(term('number'));
    // "what year" asks for a date, as "when" does.
    expect(rank(engine, 'In what year were the samples sorted?', 1).frame).toContain(term('year'));
    // "according to …" names a source, "approximately how many" how exact the figure is: neither is the subject.
    expect(rank(engine, 'According to the lab notes, approximately how many samples are kept cold?', 1).frame).toEqual(new Set([term('according'), term('approximately')]));
    // Nor are how usual an answer is, where something is or happens, or the body that does it.
    expect(rank(engine, 'Where are the samples typically located?', 1).frame).toEqual(new Set([term('typically'), term('located')]));
    expect(rank(engine, 'What entity took place in the storage of samples?', 1).frame).toEqual(new Set([term('entity'), term('take'), term('place')]));
    expect(rank(engine, 'What is an example of a wave observed along with thunderstorms?', 1).frame).toEqual(new Set([term('example'), term('along')]));
  });

  it('answers "What does clause 6.3 say?" with clause 6.3, not with a clause that cites it', () => {
    const clauses = [
      '1. Definitions',
      '1.1 "Service Credits" means the credits described in clause 6.3.',
      '1.2 "Term" means the period in your order form, renewed under clause 9.',
      '5. Payment',
      '5.1 Fees are billed monthly in advance. Invoices are due within 14 days.',
      '5.2 Late payments accrue interest at 1.5% per month.',
      '6. Service levels',
      '6.1 We aim for 99.9% monthly uptime.',
      '6.2 Scheduled maintenance does not count as downtime.',
      '6.3 If uptime falls below 99.9%, you receive Service Credits of 10% of the monthly fee.',
      '6.4 Service Credits under clause 6.3 are your only remedy for downtime.',
      '9. Termination',
      '9.1 Either party may end the Term with 30 days of written notice.',
    ];
    const engine = engineOf({ 'corpus/terms.txt': ['Terms of Service', ...clauses].join('\n\n') });
    expect(ask(engine, 'What does clause 6.3 say?', 1).answers[0]?.answer).toBe(clauses[9]);
    expect(ask(engine, 'What does section 1.1 say?', 1).answers[0]?.answer).toBe(clauses[1]);
    // A yes-or-no question that names a part is answered from the part too.
    expect(ask(engine, 'Does clause 6.3 give Service Credits?', 1).answers[0]?.answer).toBe(clauses[9]);
    // "9. Termination" alone on its line heads the sentences of part 9.
    const nine = ask(engine, 'What is in clause 9?', 1).answers[0];
    expect([nine?.citation.section, nine?.answer]).toEqual(['9. Termination', clauses[12]]);
    // In Markdown the number labels a heading: every sentence under it is the part.
    const md = engineOf({
      'corpus/terms.md': [
        '# Terms',
        '## 1.1 Definitions',
        'Service Credits are the credits of clause 6.3, paid as a discount on the next invoice.',
        '## 6.3 Credits',
        'If uptime falls below 99.9%, you receive credits of 10% of the monthly fee.',
        '## 7.1 Remedies',
        'Credits are your only remedy for downtime.',
      ].join('\n\n'),
    });
    expect(ask(md, 'What does clause 6.3 say?', 1).answers[0]?.citation.section).toBe('6.3 Credits');
    expect(ask(md, 'Does clause 6.3 give credits?', 1).answers[0]?.citation.section).toBe('6.3 Credits');
  });

  it('finds version and section numbers as written, with or without a "v" or the word "section", and a version asked in short', () => {
    const engine = engineOf({
      'corpus/changelog.md': [
        '# Changelog',
        '## v4.2.0 (2026-10-01)',
        '- Added selective sync for shared folders\n- Dropped support for macOS 11',
        '## v4.1.0 (2026-07-15)',
        '- New: version history keeps 90 days of changes\n- Faster uploads on slow connections',
        '## v4.0.0 (2026-03-02)',
        '- New: a redesigned sync engine\n- Changed the default folder on Windows',
      ].join('\n\n'),
      'corpus/handbook.txt': '2.1 Leave: 25 days a year.\n\n3.2 Travel: book economy class for flights under 6 hours.',
    });
    for (const q of ["What's new in 4.2.0?", 'What changed in v4.2.0?', 'What changed in 4.2?']) {
      expect(ask(engine, q, 1).answers[0]?.citation.section, q).toBe('v4.2.0 (2026-10-01)');
    }
    expect(ask(engine, 'What does 3.2 say about flights?', 1).answers[0]?.answer).toBe('3.2 Travel: book economy class for flights under 6 hours.');
    // "section" before a number only names a numbered part: that the handbook never says "section" does not count against the question.
    expect(ask(engine, 'What does section 3.2 say?', 1).answers[0]?.answer).toBe('3.2 Travel: book economy class for flights under 6 hours.');
  });

  it('answers what an abbreviation stands for from the text that spells it out, which never says "stands for"', () => {
    const engine = engineOf({
      'corpus/parking.md': '# Parking\n\nA permit lets you park in the controlled parking zone (CPZ) where you live.\n\n## Visitors\n\nA visitor permit costs £4 a day. Visitors can stand in the bay while loading.',
      'corpus/glossary.md': '# Glossary\n\n**TOIL** (time off in lieu): time off you earn for extra hours.\n\n**Short days**: the Fridays before a holiday.',
    });
    for (const [q, answer] of [
      ['What does CPZ stand for?', 'A permit lets you park in the controlled parking zone (CPZ) where you live.'],
      ['What is TOIL short for?', '**TOIL** (time off in lieu): time off you earn for extra hours.'],
      ['What does the acronym TOIL mean?', '**TOIL** (time off in lieu): time off you earn for extra hours.'],
    ]) {
      expect(ask(engine, q!, 1).answers[0]?.answer, q).toBe(answer);
    }
    // "stand" and "short" ask what the letters spell out there; elsewhere they weigh in full.
    const weightOf = (q: string, t: string) => rank(engine, q, 1, { abstain: false }).idf.get(t)!;
    expect(weightOf('What does CPZ stand for?', 'stand')).toBeCloseTo(weightOf('Can visitors stand in the bay?', 'stand') / 2);
    expect(weightOf('What is TOIL short for?', 'short')).toBeCloseTo(weightOf('When are short days?', 'short') / 2);
  });

  it('answers about the name a question writes in capitals, over another word the corpus holds as rarely', async () => {
    const engine = await fixtureEngine('structured-17');
    expect(ask(engine, 'What can I spend the HSA on?', 1).answers[0]?.citation.section).toBe('Pay and benefits');
    expect(ask(engine, 'Where is DataConf held?', 1).answers[0]?.answer).toBe('DataConf takes place at the Riverside Convention Centre, Hall B, on 14 and 15 May.');
    // Written in lower case, "hsa" weighs as any word does.
    const weightOf = (q: string, t: string) => rank(engine, q, 1, { abstain: false }).idf.get(t)!;
    expect(weightOf('What can I spend the HSA on?', 'hsa')).toBeCloseTo(weightOf('What can I spend the hsa on?', 'hsa') * RANKING.nameWeight);
  });

  it('weighs a name written as a synonym of a corpus word as that word', () => {
    const docs = parseTextFile('corpus/benefits.md', '# Benefits\n\n## HSA\n\nThe HSA pays for dental costs.\n\n## Spending\n\nMoney you spend on travel is paid back.').documents;
    const engine = loadEngine(buildIndex(docs, { corpusHash: 'test', synonyms: [['hsa', 'hra']] }));
    const weightOf = (q: string) => rank(engine, q, 1, { abstain: false }).idf.get('hsa')!;
    expect(weightOf('What can I spend the HRA on?')).toBeCloseTo(weightOf('What can I spend the hra on?') * RANKING.nameWeight);
  });

  it('answers "what changed in" a version from a changelog that never says "changed" or "new"', () => {
    const engine = engineOf({
      'corpus/changelog.md': '# Changelog\n\n## 2.1.0\n\n- Added `bandwidth` to limit upload speed.\n\n## 2.0.0\n\n- `ferry.json` is replaced by `ferry.toml`.',
    });
    for (const q of ['What changed in 2.0.0?', "What's new in 2.0.0?", 'What has changed in version 2.0.0?']) {
      expect(ask(engine, q, 1).answers[0]?.citation.section, q).toBe('2.0.0');
    }
    // "What new product…" asks about a new thing, and "What changed the delta?" about a cause: "new" and "changed" weigh in full there.
    const weightOf = (q: string, t: string) => rank(engine, q, 1, { abstain: false }).idf.get(t)!;
    expect(weightOf("What's new in 2.0.0?", 'new')).toBeCloseTo(weightOf('Is the limit new in 2.0.0?', 'new') / 2);
    expect(weightOf('What new limit did 2.0.0 add?', 'new')).toBeCloseTo(weightOf('Is the limit new in 2.0.0?', 'new'));
    expect(weightOf('What changed the limit?', 'chang')).toBeCloseTo(weightOf('Who changed the limit?', 'chang'));
  });

  it('finds a command-line flag named by a stop word ("--all", "--out"), which a question names with its dashes', () => {
    const engine = engineOf({
      'corpus/cli.md': '# tidy\n\n## Options\n\n| Option | Description |\n|---|---|\n| `--all` | Sort hidden files too. |\n| `--out <dir>` | Write the sorted files to dir. |\n| `--quiet` | Print only errors. |',
      'corpus/faq.md': '# FAQ\n\nAll files are sorted by type. Nothing is moved out of the folder.',
    });
    expect(ask(engine, 'What does --all do?', 1).answers[0]?.answer).toBe('| `--all` | Sort hidden files too. |');
    expect(ask(engine, 'What is the --out option for?', 1).answers[0]?.answer).toBe('| `--out <dir>` | Write the sorted files to dir. |');
  });

  it('answers when a version was released from the changelog heading that dates it, under its sub-headings too', () => {
    const engine = engineOf({
      'corpus/changelog.md': [
        '# Changelog',
        '## [3.0.0] - 2026-09-14',
        '### Added',
        '- Dark mode for the default theme.',
        '## [2.4.0] - 2026-04-20',
        '### Fixed',
        '- The sitemap lists pages in subfolders.',
      ].join('\n\n'),
      'corpus/install.md': '# Install\n\n## Windows\n\nDownload the installer from the releases page.',
      // Enough passages for the full abstention thresholds, under headings as a site's pages are.
      ...Object.fromEntries(Object.keys(FILLER).map((path, i) => [path.replace('.txt', '.md'), `# Bed ${i}\n\n## Roses\n\nGardeners water the roses in bed ${i}.`])),
    });
    for (const [q, section] of [
      ['When was version 3.0.0 released?', '[3.0.0] - 2026-09-14 › Added'],
      ['When did version 2.4 ship?', '[2.4.0] - 2026-04-20 › Fixed'],
    ]) {
      expect(ask(engine, q!, 1).answers[0]?.citation.section, q).toBe(section);
    }
    // A "released" that names no version is a word of the question like any other.
    expect(ask(engine, 'When was the installer released?', 1).answers[0]?.citation.source).toBe('corpus/install.md');
  });

  it('still abstains in a small corpus when most of the question is missing', () => {
    expect(rank(engineOf(small), 'When did the orchestra first play on this stage?', 1).abstained).toBe(true);
  });

  const lowest: AbstentionThresholds = { minSupport: RANKING.smallCorpus.minSupport, minKnown: RANKING.smallCorpus.minKnown, coherenceMargin: 0, adjacentShare: 0, unnamedMargin: 0, knownEase: 0 };
  const full: AbstentionThresholds = {
    minSupport: RANKING.minSupport,
    minKnown: RANKING.minKnown,
    coherenceMargin: RANKING.coherence.margin,
    adjacentShare: RANKING.adjacentSupport,
    unnamedMargin: RANKING.supportShift.unnamed,
    knownEase: RANKING.supportShift.known,
  };
  it.each([
    [1, lowest],
    [RANKING.smallCorpus.passages, lowest],
    [RANKING.smallCorpus.fullFrom, full],
    [1_000_000, full],
  ])('uses the abstention thresholds for a corpus of %i passages', (passages, want) => {
    const t = abstentionThresholds(passages);
    for (const k of Object.keys(want) as Array<keyof AbstentionThresholds>) expect(t[k], k).toBeCloseTo(want[k], 9);
  });

  it('raises the thresholds and the coherence margin steadily with the corpus size in between', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 1000 }), (a, b) => {
        const [lo, hi] = [abstentionThresholds(Math.min(a, b)), abstentionThresholds(Math.max(a, b))];
        expect(lo.minSupport).toBeLessThanOrEqual(hi.minSupport);
        expect(lo.minKnown).toBeLessThanOrEqual(hi.minKnown);
        expect(lo.coherenceMargin).toBeLessThanOrEqual(hi.coherenceMargin);
        expect(lo.adjacentShare).toBeLessThanOrEqual(hi.adjacentShare);
        expect(lo.unnamedMargin).toBeLessThanOrEqual(hi.unnamedMargin);
        expect(lo.knownEase).toBeLessThanOrEqual(hi.knownEase);
        expect(hi.minSupport).toBeLessThanOrEqual(RANKING.minSupport);
        expect(lo.minKnown).toBeGreaterThanOrEqual(RANKING.smallCorpus.minKnown);
      }),
    );
  });
});

describe('British and American spellings', () => {
  it.each([
    ['colour', 'color'],
    ['organisation', 'organization'],
    ['organised', 'organized'],
    ['centre', 'center'],
    ['grey', 'gray'],
    ['programme', 'program'],
    ['analyse', 'analyze'],
    ['behaviour', 'behavior'],
    ['aeroplane', 'airplane'],
    ['sulphur', 'sulfur'],
    ['metres', 'meters'],
    ['kilometres', 'kilometers'],
  ])('reads %j as %j', (british, american) => {
    expect(term(british)).toBe(term(american));
  });

  it.each([
    ['tonne', 'ton'],
    ['buses', 'busses'],
    ['philtre', 'filter'],
  ])('keeps %j apart from %j, another word', (a, b) => {
    expect(term(a)).not.toBe(term(b));
  });

  it('leaves "gauge", which American English spells so too, to the stemmer', () => {
    expect(term('gauge')).toBe(stemmer('gauge'));
  });

  it('answers a question in British spelling from a page in American spelling, and the other way round', () => {
    const us = engineOf({
      'corpus/policy.md': '# Office policy\n\n## Organization\n\nThe organization has three departments. Each department has its own center in Berlin.\n\n## Walls\n\nThe walls are painted a light gray color.',
      'corpus/cloud.txt': 'Google sells cloud services to banks.',
    });
    expect(ask(us, 'How is the organisation structured?', 1).answers[0]?.answer).toBe('The organization has three departments.');
    expect(ask(us, 'Where is the centre?', 1).answers[0]?.answer).toBe('Each department has its own center in Berlin.');
    expect(ask(us, 'Are the walls grey?', 1).answers[0]?.answer).toBe('The walls are painted a light gray color.');
    const uk = engineOf({ 'corpus/theatre.txt': 'The theatre programme changes every season.', 'corpus/cloud.txt': 'Google sells cloud services to banks.' });
    expect(ask(uk, 'How often does the theater program change?', 1).answers[0]?.answer).toBe('The theatre programme changes every season.');
  });
});

describe('word forms the stemmer does not meet: irregular verbs and plurals, adverbs of time, units, nouns in "-us", short verbs', () => {
  const engine = engineOf({
    'corpus/deal.txt': 'Meta bought a stake in Scale. The company paid 14 billion dollars for it.',
    'corpus/cloud.txt': 'Google sells cloud services to banks.',
  });

  it.each([
    ['knew', 'know'],
    ['bought', 'buy'],
    ['paid', 'pay'],
    ['began', 'begin'],
    ['written', 'write'],
    ['children', 'child'],
    ['women', 'woman'],
    ['feet', 'foot'],
    ['monthly', 'month'],
    ['daily', 'day'],
    ['yearly', 'years'],
    ['km', 'kilometres'],
    ['kilometers', 'kilometre'],
    ['kg', 'kilograms'],
    ['lbs', 'pounds'],
    ['ft', 'feet'],
    ['hrs', 'hours'],
    ['gb', 'gigabytes'],
    ['meters', 'metres'],
    // A singular noun in "-us" or "-as", whose "s" Porter strips as a plural's.
    ['buses', 'bus'],
    ['viruses', 'virus'],
    ['campuses', 'campus'],
    ['focused', 'focus'],
    ['bonuses', 'bonus'],
    ['statuses', 'status'],
    ['radiuses', 'radius'],
    ['gases', 'gas'],
    ['biased', 'bias'],
    // An adjective in "-ous", whose "s" Porter strips as a plural's too, and its adverb.
    ['famously', 'famous'],
    ['previously', 'previous'],
    ['variously', 'various'],
    // A verb of three letters in "-ie" or "-y" and its forms, which Porter cuts short.
    ['died', 'die'],
    ['dying', 'die'],
    ['ties', 'tie'],
    ['lying', 'lie'],
    ['tried', 'try'],
    ['flies', 'fly'],
    // Plurals of nouns in a vowel, which still meet their singular.
    ['menus', 'menu'],
    ['gurus', 'guru'],
    ['cpus', 'cpu'],
    ['ideas', 'idea'],
    ['plateaus', 'plateau'],
    // Greek and Latin plurals in "-ses" and "-ices"; "bases" and "ellipses" stay plurals of "base" and "ellipse".
    ['hypotheses', 'hypothesis'],
    ['crises', 'crisis'],
    ['vortices', 'vortex'],
    ['matrices', 'matrix'],
    ['bases', 'base'],
    ['ellipses', 'ellipse'],
  ])('reads %j as %j', (form, base) => {
    expect(term(form)).toBe(term(base));
  });

  it.each([
    ['news', 'new'],
    ['goods', 'good'],
    ['university', 'universe'],
    ['organization', 'organ'],
    ['organisation', 'organism'],
  ])('keeps %j apart from %j, which Porter stems alike', (word, other) => {
    expect(term(word)).not.toBe(term(other));
  });

  it('reads the forms of a word kept apart from Porter as one term ("organized", "organizations")', () => {
    expect(new Set(['organize', 'organized', 'organizing', 'organization', 'organizations', 'organisation'].map(term)).size).toBe(1);
  });

  it.each(['lay', 'saw', 'bid', 'beat', 'leaves', 'lives', 'people', 'data', 'criteria', 'min', 'sec'])('leaves %j to the stemmer alone', (w) => {
    expect(term(w)).toBe(stemmer(w));
  });

  it('answers "when did … die?" from a passage that says "died", and highlights it', () => {
    const lives = engineOf({
      'corpus/tesla.md': '# Nikola Tesla\n\n## Early life\n\nTesla was born in Smiljan in 1856.\n\n## Death\n\nTesla died on 7 January 1943 in New York.',
      'corpus/edison.md': '# Thomas Edison\n\nEdison was born in Milan, Ohio, in 1847.',
    });
    const a = ask(lives, 'When did Tesla die?', 1).answers[0]!;
    expect(a.answer).toBe('Tesla died on 7 January 1943 in New York.');
    expect(a.highlights.map(([s, e]) => a.text.slice(s, e))).toContain('died');
  });

  it('answers and highlights a unit written as its abbreviation', () => {
    const cars = engineOf({ 'corpus/hire.md': '# Car hire\n\n## Mileage\n\nEvery booking includes 300 km a day. Extra distance costs 0.25 per km.', 'corpus/cloud.txt': 'Google sells cloud services to banks.' });
    const a = ask(cars, 'How many kilometres are included?', 1).answers[0]!;
    expect(a.answer).toBe('Every booking includes 300 km a day.');
    expect(a.highlights.map(([s, e]) => a.text.slice(s, e))).toContain('km');
  });

  it('answers a question that runs a number and its unit together, as the page spaces them, and the other way round', () => {
    const park = engineOf({
      'corpus/park.md': '# Park rules\n\n## Trails\n\nThe loop trail is 5 km long. The summit trail is 12 km long.\n\n## Hours\n\nThe gates close at 11 p.m. in summer and at 8 p.m. in winter.',
      'corpus/shop.txt': 'Our shop sells 2GB and 16GB memory cards.',
    });
    expect(ask(park, 'Which trail is 5km?', 1).answers[0]?.answer).toBe('The loop trail is 5 km long.');
    expect(ask(park, 'What closes at 11pm?', 1).answers[0]?.answer).toBe('The gates close at 11 p.m. in summer and at 8 p.m. in winter.');
    expect(ask(park, 'Do you sell 16 GB cards?', 1).answers[0]?.citation.source).toBe('corpus/shop.txt');
  });

  it('answers and highlights a passage that has the verb in another tense', () => {
    const a = ask(engine, 'What did Meta buy?', 1).answers[0]!;
    expect(a.highlights.map(([s, e]) => a.text.slice(s, e))).toEqual(['Meta', 'bought']);
    // "The company" refers back: quoted with the sentence that names it.
    expect(ask(engine, 'How much did the company pay?', 1).answers[0]?.answer).toBe('Meta bought a stake in Scale. The company paid 14 billion dollars for it.');
  });
});

describe('misspelt question words', () => {
  const engine = engineOf({
    'corpus/people.txt': 'Alexandr Wang founded Scale AI. Scale labels training data for models.',
    'corpus/fruit.txt': 'The avocado is a fruit. Avocados ripen after they are picked.',
    'corpus/rockets.txt': 'Rockets burn liquid oxygen and kerosene.',
  });
  const top = (q: string) => {
    const r = rank(engine, q, 3);
    return r.abstained ? null : engine.passages[r.hits[0]!.passageId]!.text;
  };

  it.each([
    ['Who is Alexander Wang?', 'Alexandr Wang founded'],
    ['When do avacados ripen?', 'Avocados ripen'],
    ['What do rockets burn with keroseen?', 'kerosene'],
  ])('answers %j from the passage with the word as the corpus spells it', (q, phrase) => {
    expect(top(q)).toContain(phrase);
  });

  it('highlights the word as the corpus spells it', () => {
    const a = ask(engine, 'Who is Alexander Wang?', 1).answers[0]!;
    expect(a.highlights.map(([s, e]) => a.text.slice(s, e))).toEqual(['Alexandr', 'Wang']);
  });

  it('leaves the words the corpus holds as they are', () => {
    expect(rank(engine, 'Which models does Scale label data for?', 3).terms).toEqual(queryTerms('Which models does Scale label data for?'));
  });

  it.each([
    ['a short word', 'Who is Alexandr Wnag?', 'wnag'],
    ['a changed first letter', 'What is an lvocado?', 'lvocado'],
  ])('does not correct %s', (_what, q, typo) => {
    expect(rank(engine, q, 3, { abstain: false }).terms).toContain(typo);
  });

  it('corrects at most three words of one question, in question order', () => {
    // The fourth misspelt word ("rockeets", one edit from "rockets") is left as it is.
    const terms = rank(engine, 'Alexander avacados keroseen rockeets', 3, { abstain: false }).terms;
    expect(terms).toEqual(['alexandr', 'avocado', 'kerosen', 'rockeet']);
    expect(rank(engine, 'rockeets', 3).terms).toEqual(['rocket']);
  });

  it('still abstains when the corrected question is off-topic', () => {
    expect(rank(engine, 'What is the capital of Frence and its populaton?', 3)).toMatchObject({ abstained: true, hits: [] });
  });

  describe('a slip of the keyboard that Porter stems apart from its word', () => {
    const slips = engineOf({
      'corpus/ctenophores.txt': 'Young ctenophores generally look like miniature cydippids.',
      'corpus/doctors.txt': 'Doctors generally agree on rest.',
      'corpus/stats.txt': 'Statisticians generalize from samples.',
      'corpus/forces.txt': 'Forces between two different objects are equal and opposite.',
      'corpus/kitchen.txt': 'Wash your hands before handling food. Hand cream helps dry hands. Hands carry germs.',
      'corpus/gloves.txt': 'Gloves keep a hand warm.',
      'corpus/palm.txt': 'Palm readers study the hand.',
      ...FILLER,
    });

    it.each([
      // "generaly" stems to "generali", one edit from "generaliz" (of "generalize"); as a word it is one letter from "generally", which the corpus has more of.
      ['a letter typed once', 'What do young ctenophores generaly look like?', 'generally', 'Young ctenophores generally look like miniature cydippids.'],
      // "differnet" is three edits from "differ" as a term, one swap from "different" as a word.
      ['two letters swapped', 'What holds for forces between two differnet objects?', 'different', 'Forces between two different objects are equal and opposite.'],
    ])('reads %s as the word the corpus has (%j)', (_what, q, meant, answer) => {
      expect(rank(slips, q, 3).terms).toContain(term(meant));
      expect(ask(slips, q, 1).answers[0]?.answer).toBe(answer);
    });

    it('prefers the longest term of the slips, since Porter cuts odd endings deep ("handeliing" → "hand")', () => {
      expect(rank(slips, 'Is there a rule for handeling food?', 3, { abstain: false }).terms).toContain(term('handling'));
    });
  });

  describe('a shorter word', () => {
    const files = {
      'corpus/pool.md': '# Swimming pool\n\n## Lessons\n\nLessons cost £27 a month.\n\n## Lanes\n\nThe main pool has six lanes.',
      'corpus/paint.md': '# Painting\n\nApply a second layer of paint after two hours.',
      'corpus/club.md': '# Club\n\nThe club plays a game every Sunday.',
    };
    const docs = Object.entries(files).flatMap(([path, text]) => parseTextFile(path, text).documents);
    // "point" (one edit from the corpus's "paint") is a word the lexicon relates to the corpus's "game"; "lesons" is none.
    const pool = loadEngine(buildIndex(docs, { corpusHash: 'test', related: new Map(), wordNeighbours: new Map([['point', ['game', 'team']]]) }));

    it('is corrected when not typed as a name and no lexicon word relates it to the corpus (a typo)', () => {
      expect(rank(pool, 'how much are swimming lesons', 3).terms).toContain(term('lessons'));
      expect(ask(pool, 'how much are swimming lesons', 1).answers[0]?.answer).toBe('Lessons cost £27 a month.');
    });

    it.each([
      ['a word the lexicon relates to the corpus (of another subject)', 'which point wins the game', 'point'],
      ['a word typed with a capital (a name)', 'What do Lesons cost?', 'leson'],
      ['a stem shorter still', 'how wide are the lanse', 'lans'],
    ])('is left as it is when it is %s', (_what, q, kept) => {
      expect(rank(pool, q, 3, { abstain: false }).terms).toContain(kept);
    });
  });
});

describe('words the corpus writes as one word, or as two', () => {
  it('reads a letter and a word joined by a hyphen as one word ("e-bike", "e-mail"), written either way', () => {
    const engine = engineOf({
      'corpus/rental.md': '# Rental\n\n| Bike | Full day |\n|---|---|\n| City bike | $30 |\n| E-bike | $60 |\n\nChange your email address under Settings.',
      'corpus/post.md': '# Post\n\nThe mail room opens at nine.',
    });
    for (const q of ['How much is an e-bike?', 'How much is an ebike?']) expect(ask(engine, q, 1).answers[0]?.answer, q).toBe('| E-bike | $60 |');
    expect(ask(engine, 'Where do I change my e-mail?', 1).answers[0]?.answer).toBe('Change your email address under Settings.');
  });


  const engine = engineOf({
    'corpus/city.md': '# City services\n\n## Trash\n\nTrash pickup is on Monday. Bulky items need a booking.\n\n## Parking\n\nA permit costs $40 a year.',
    'corpus/app.md': '# App\n\n## Account\n\nUse single sign-on or your email to login. The setup takes two minutes.\n\n## Log\n\nThe activity log lists every change.',
    'corpus/hotel.md': '# Hotel\n\n## Rooms\n\nWi-Fi is free in all rooms. Check-out is by 11 a.m. Your user name is on the key card.\n\n## Bar\n\nThe bar serves a free drink at noon.',
  });

  it.each([
    ['When is trash picked up?', ['trash', 'pickup'], 'Trash pickup is on Monday.'],
    ['Who sets up the app?', ['setup', 'app'], 'The setup takes two minutes.'],
    ['Can I use my e-mail?', ['us', 'email'], 'Use single sign-on or your email to login.'],
    ['Is wifi free?', ['wi', 'fi', 'free'], 'Wi-Fi is free in all rooms.'],
    ['When is checkout?', ['check'], 'Check-out is by 11 a.m.'],
    ['Where is my username?', ['user', 'name'], 'Your user name is on the key card.'],
  ])('reads %j with %j', (q, terms, answer) => {
    expect(rank(engine, q, 1).terms).toEqual(terms);
    expect(ask(engine, q, 1).answers[0]?.answer).toBe(answer);
  });

  describe('a verb the corpus has, before a particle', () => {
    const hire = engineOf({
      'corpus/hire.md': '# Car hire\n\n## Breakdowns\n\nOur 24-hour breakdown line is 0800 555 0147.\n\n## Damage\n\nThe damage excess on standard cars is £1,200.',
      'corpus/camp.md': '# Camp\n\n## Rules\n\nIf a camper breaks a rule, the counselor talks with them first.\n\n## Heat\n\nOn hot days we add extra water breaks.',
      'corpus/physics.md': '# Forces\n\nA force can be broken down into two components at right angles.',
    });

    it('is read as the one word the two make in the corpus when the question would get no answer ("broken down": "breakdown")', () => {
      const q = 'the car has broken down on the motorway, who do I ring?';
      expect(rank(hire, q, 3).terms).toContain('breakdown');
      expect(ask(hire, q, 1).answers[0]?.answer).toBe('Our 24-hour breakdown line is 0800 555 0147.');
    });

    it('keeps its own reading in a question the corpus answers as it is asked', () => {
      const q = 'What can a force be broken down into?';
      expect(rank(hire, q, 3).terms).not.toContain('breakdown');
      expect(ask(hire, q, 1).answers[0]?.answer).toBe('A force can be broken down into two components at right angles.');
    });
  });

  it('weighs the two words of a split word as one', () => {
    const split = rank(engine, 'Is wifi free?', 1).idf;
    const asked = rank(engine, 'Is wi-fi free?', 1).idf;
    expect([split.get('wi'), split.get('fi'), split.get('free')]).toEqual([asked.get('wi')! / 2, asked.get('fi')! / 2, asked.get('free')]);
  });

  it('reads a word split before a particle as its first part only ("checkout": "check", also of "check-in")', () => {
    const both = engineOf({ 'corpus/h.md': '# Hotel\n\n## Out\n\nCheck-out is by 11 a.m.\n\n## In\n\nCheck-in starts at 3 p.m. Check your booking first.' });
    expect(rank(both, 'When is checkout?', 3).terms).toEqual(['check']);
    // Both sections then match alike: the particle, a stop word, is not matched (docs/quality.md).
    expect(ask(both, 'When is checkout?', 3).answers.map((a) => a.citation.section).sort()).toEqual(['In', 'Out']);
  });

  it('splits a word whose parts only a record\'s title has one after the other ("Wi-Fi" of a FAQ entry)', () => {
    const faq = loadEngine(
      buildIndex(
        parseCorpusFile(
          'corpus/faq.jsonl',
          [
            { id: 'wifi', title: 'Wi-Fi', text: 'Connect to the network Guest. The password is printed on the back of your badge.' },
            { id: 'vpn', title: 'VPN', text: 'Sign in with your network password, then approve the prompt on your phone.' },
          ]
            .map((r) => JSON.stringify(r))
            .join('\n'),
        ).documents,
        { corpusHash: 'test' },
      ),
    );
    expect(rank(faq, "what's the wifi password", 1).terms).toEqual(['wi', 'fi', 'password']);
    expect(ask(faq, "what's the wifi password", 1).answers[0]?.answer).toBe('The password is printed on the back of your badge.');
  });

  it('splits a word only where the corpus has its parts one after the other', () => {
    // "book" and "ing" are not: "booking" is. "freedrink" is: "free drink".
    expect(rank(engine, 'Is the barfree?', 1, { abstain: false }).terms).toContain('barfre');
    expect(rank(engine, 'Is there a freedrink?', 1).terms).toEqual(['free', 'drink']);
  });

  it('leaves a verb the corpus holds as it is ("log in" of a corpus with an activity log)', () => {
    expect(rank(engine, 'How do I log in?', 1, { abstain: false }).terms).toEqual(['log']);
  });

  it('joins a word the corpus lacks with the word after it where the corpus writes them as one ("maker space": "makerspace")', () => {
    const library = engineOf({
      'corpus/library.md': '# Library\n\n## Makerspace\n\nThe makerspace is open to anyone with a library card. Under-16s need an adult with them.\n\n## Loans\n\nYou can borrow 12 books at a time.',
      'corpus/parking.md': '# Parking\n\nThe car park behind the library has 40 spaces.',
    });
    expect(rank(library, 'Who can use the maker space?', 1).terms).toEqual(['us', 'makerspac', 'space']);
    expect(ask(library, 'Who can use the maker space?', 1).answers[0]?.answer).toBe('The makerspace is open to anyone with a library card.');
    // Words the corpus holds stay as they are.
    expect(rank(library, 'How many spaces does the car park have?', 1).terms).toEqual(['space', 'car', 'park']);
  });

  it('joins only a verb and the particle after it', () => {
    // "picked" is not followed by a particle here, and "up" after "trash" does not make "trashup".
    expect(rank(engine, 'Is trash picked on Monday up north?', 1, { abstain: false }).terms).toContain('pick');
  });
});

describe('names with letters Unicode does not decompose', () => {
  it.each([
    ['Who was Boleslaw II?', 'Bolesław II of Masovia founded the town.', 'Bolesław'],
    ['Where is Orsted based?', 'Ørsted is based in Fredericia.', 'Ørsted'],
    ['What is on Hauptstrasse?', 'The library is on Hauptstraße.', 'Hauptstraße'],
  ])('answers %j typed without the letter, and highlights the name as written', (question, answer, name) => {
    const engine = engineOf({
      'corpus/places.md': '# Places\n\nBolesław II of Masovia founded the town.\n\n## Firms\n\nØrsted is based in Fredericia.\n\n## Streets\n\nThe library is on Hauptstraße.',
      'corpus/other.md': '# Parking\n\nThe car park opens at 6am.',
    });
    const a = ask(engine, question, 1).answers[0];
    expect(a?.answer).toBe(answer);
    expect(a?.highlights.map(([s, e]) => a.text.slice(s, e))).toContain(name);
  });
});
