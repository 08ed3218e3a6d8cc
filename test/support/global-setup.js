// Runs once before the test run: removes databases left by test processes that died without cleaning
// up (a killed jest worker cannot run its afterAll). Only databases named apertura_t_<pid>_… whose
// process is gone are touched, so concurrent runs on the same server are left alone.
const { Client } = require('pg');

module.exports = async function globalSetup() {
  const url = process.env.TEST_PG_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    const { rows } = await c.query("SELECT datname FROM pg_database WHERE datname LIKE 'apertura\\_t\\_%'");
    for (const { datname } of rows) {
      const pid = Number(datname.split('_')[2]);
      let alive = false;
      try {
        process.kill(pid, 0);
        alive = true;
      } catch {
        alive = false;
      }
      if (!alive) await c.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
  } finally {
    await c.end();
  }
};
