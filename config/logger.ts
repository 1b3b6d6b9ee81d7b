// LOG_LEVEL: error | warn | info | http (default; one line per request) | verbose | debug.
export default {
  level: process.env.LOG_LEVEL ?? 'http',
};
