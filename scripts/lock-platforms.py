#!/usr/bin/env python3
"""Adds lock entries for other platforms' optional binaries (swc, msgpackr-extract) that the registry
reachable here does not serve, so `npm ci` accepts the lock; npm skips them on this platform by their
os/cpu fields. Run after `npm install` changes package-lock.json."""
import json, re, sys

path = sys.argv[1] if len(sys.argv) > 1 else 'package-lock.json'
lock = json.load(open(path))
pk = lock['packages']
for meta in list(pk.values()):
    for name, ver in meta.get('optionalDependencies', {}).items():
        key = 'node_modules/' + name
        if key in pk:
            continue
        osn = next((o for o in ('darwin', 'win32', 'linux', 'freebsd') if o in name), None)
        if not osn:
            continue
        cpu = next((c for c in ('arm64', 'x64', 'ia32', 'ppc64', 's390x') if c in name), 'arm' if re.search(r'-arm(-|$)', name) else None)
        entry = {'version': ver, 'optional': True, **({'dev': True} if meta.get('dev') else {}), 'os': [osn]}
        if cpu:
            entry['cpu'] = [cpu]
        pk[key] = entry
lock['packages'] = dict(sorted(pk.items(), key=lambda kv: (kv[0] != '', kv[0])))
with open(path, 'w') as f:
    json.dump(lock, f, indent=2)
    f.write('\n')
