// The built index, as a Text module: workerd hands it over as a string
// without parsing JavaScript (docs/performance.md).
import indexText from './generated/index-data.txt';
import { createApp } from './app.js';
import { loadEngine, parseIndex } from './engine/index.js';

// Loaded once per isolate, at startup: a stale or mismatched index fails here,
// before the Worker serves a single request.
const engine = loadEngine(parseIndex(indexText));

export default createApp(engine);
