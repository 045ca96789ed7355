#!/usr/bin/env python3
"""--seed-users from the 100k file up to N (random UUID keys, 10k per transaction): wall and process CPU of the
seeding alone (from the banner to the 'Seeded' line) and RSS after it, jars alternating.

usage: bench/measure/seed.py ROUNDS N label=jar ...   (jar paths absolute)
"""
import os, shutil, subprocess, sys, time

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'work')
TICK = os.sysconf('SC_CLK_TCK')


def cpu_seconds(pid):
    fields = open(f'/proc/{pid}/stat').read().rsplit(')', 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK


def rss_mib(pid):
    for line in open(f'/proc/{pid}/status'):
        if line.startswith('VmRSS:'):
            return int(line.split()[1]) // 1024


def one(jar, users):
    db = os.path.join(HERE, 'seed-run.db')
    for suffix in ('', '-wal', '-shm'):
        if os.path.exists(db + suffix):
            os.remove(db + suffix)
    shutil.copy(os.path.join(HERE, 'sqlite-100000.db'), db)
    env = dict(os.environ, ROSTER_ADMIN_PASSWORD='bench')
    server = subprocess.Popen(['java', '-Xmx1g', '-jar', jar, '--port', '18214', '--db', db,
                               '--seed-users', str(users)], env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True)
    try:
        began = None
        for line in server.stdout:
            if began is None and 'Roster reference server' in line:
                began = time.monotonic(), cpu_seconds(server.pid)
            if line.startswith('Seeded'):
                return time.monotonic() - began[0], cpu_seconds(server.pid) - began[1], rss_mib(server.pid)
    finally:
        server.terminate()
        server.wait()


def main():
    rounds, users = int(sys.argv[1]), int(sys.argv[2])
    jars = dict(arg.split('=', 1) for arg in sys.argv[3:])
    for r in range(rounds):
        for label, jar in jars.items():
            wall, cpu, rss = one(jar, users)
            print(f'{label:8} round {r + 1}: seeding {users - 100000} users {wall:.1f} s wall, {cpu:.1f} s CPU '
                  f'({cpu * 1e6 / (users - 100000):.0f} µs CPU/user), RSS after {rss} MiB', flush=True)


main()
