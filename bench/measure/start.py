#!/usr/bin/env python3
"""Start to first SCIM 200: wall time and the process's CPU (user+sys) at that moment, jars alternating.

usage: bench/measure/start.py ROUNDS label=jar ...
(needs bench/work/start-template.db: a copy of sqlite-100000.db started once with ROSTER_ADMIN_PASSWORD=bench, and
bench/work/start-token.txt: a SCIM token of its site demo)
"""
import base64, http.client, json, os, shutil, socket, subprocess, sys, time

PORT = 18212
HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'work')
TICK = os.sysconf('SC_CLK_TCK')


def cpu_seconds(pid):
    total = 0
    for tid in os.listdir(f'/proc/{pid}/task'):
        try:
            fields = open(f'/proc/{pid}/task/{tid}/stat').read().rsplit(')', 1)[1].split()
            total += int(fields[11]) + int(fields[12])
        except (FileNotFoundError, ProcessLookupError):
            pass
    return total / TICK


def status(path, headers):
    conn = http.client.HTTPConnection('127.0.0.1', PORT, timeout=30)
    try:
        conn.request('GET', path, headers=headers)
        response = conn.getresponse()
        response.read()
        return response.status
    finally:
        conn.close()


def one(jar, token):
    db = os.path.join(HERE, 'start-run.db')
    for suffix in ('', '-wal', '-shm'):
        if os.path.exists(db + suffix):
            os.remove(db + suffix)
    shutil.copy(os.path.join(HERE, 'start-template.db'), db)
    env = dict(os.environ, ROSTER_ADMIN_PASSWORD='bench')
    began = time.monotonic()
    server = subprocess.Popen(['java', '-Xmx1g', '-jar', jar, '--port', str(PORT), '--db', db], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        scim = {'Authorization': 'Bearer ' + token}
        others = []
        while True:
            try:
                code = status('/c/demo/auth/scim/v2/Users?count=0', scim)
                if code == 200:
                    wall, cpu = time.monotonic() - began, cpu_seconds(server.pid)
                    break
                others.append(code)
            except (ConnectionRefusedError, ConnectionResetError, socket.timeout, http.client.RemoteDisconnected):
                pass
            time.sleep(0.005)
        admin = {'Authorization': 'Basic ' + base64.b64encode(b'admin:bench').decode()}
        while status('/admin/api/sites', admin) != 200:
            time.sleep(0.005)
        admin_wall, admin_cpu = time.monotonic() - began, cpu_seconds(server.pid)
        return wall, cpu, admin_wall, admin_cpu, others
    finally:
        server.terminate()
        server.wait()


def main():
    rounds = int(sys.argv[1])
    jars = dict(arg.split('=', 1) for arg in sys.argv[2:])
    token = open(os.path.join(HERE, 'start-token.txt')).read().strip()
    results = {label: [] for label in jars}
    for r in range(rounds):
        for label, jar in jars.items():
            wall, cpu, admin_wall, admin_cpu, others = one(jar, token)
            results[label].append((wall, cpu, admin_wall, admin_cpu))
            print(f'{label:8} round {r + 1}: first SCIM 200 {wall:.2f} s wall, {cpu:.2f} s CPU; '
                  f'admin API 200 {admin_wall:.2f} s wall, {admin_cpu:.2f} s CPU; other answers {others}',
                  flush=True)
    for label, values in results.items():
        med = [sorted(v[i] for v in values)[len(values) // 2] for i in range(4)]
        print(f'{label:8} median: first SCIM 200 {med[0]:.2f} s wall, {med[1]:.2f} s CPU; '
              f'admin API 200 {med[2]:.2f} s wall, {med[3]:.2f} s CPU', flush=True)


main()
