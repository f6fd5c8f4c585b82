import built from './generated/index-data.js';
import { createApp } from './app.js';
import { loadEngine } from './engine/index.js';

// Loaded once per isolate, at startup: a stale or mismatched index fails here,
// before the Worker serves a single request.
const engine = loadEngine(built);

export default createApp(engine);
