import { startTestApp } from './support/app';
it('docs', async () => {
  const t = await startTestApp();
  const r = await fetch(`${t.url}/docs-json`);
  const j = await r.json();
  console.log(r.status, Object.keys(j.paths).filter((p) => p.includes('result') || p.includes('recompute') || p.includes('public')));
  console.log(JSON.stringify(j.components.schemas.SubIndexDto));
  await t.close();
});
