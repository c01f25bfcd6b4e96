// Runs one bench module: node --import tsx bench/_run.ts <name>
const name = process.argv[2];
if (!name || !/^[\w-]+$/.test(name)) throw new Error("usage: _run.ts <bench name>");
const mod = (await import(`./${name}.ts`)) as { run: () => Promise<void> };
await mod.run();
