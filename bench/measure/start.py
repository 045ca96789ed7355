#!/usr/bin/env python3
"""Start to first SCIM 200: wall time and the process's CPU (user+sys) at that moment, jars alternating.

usage: bench/measure/start.py [--port P] [--template DB] [--token-file F] [--threads] [--jvm-arg ARG]... \
           [--jvm-arg-of LABEL=ARG]... ROUNDS label=jar ...

Each start gets a fresh copy of the template (a SQLite file whose WAL is checkpointed, started once with
ROSTER_ADMIN_PASSWORD=bench) and polls GET /c/demo/auth/scim/v2/Users?count=0 with the token every 5 ms.
Defaults: port 18212, bench/work/start-template.db, bench/work/start-token.txt (a SCIM token of its site demo).
--jvm-arg-of LABEL=ARG gives ARG to that label's server only, so two labels may name one jar to compare JVM
options, say  --jvm-arg-of argfile=@reference-server/target/reference-server.jvmopts
  plain=reference-server/target/reference-server.jar argfile=reference-server/target/reference-server.jar
--threads prints, for each start, the CPU of the process's busiest threads when the first 200 came (threads that
had ended by then are not among them; the total counts them).
"""
import argparse, base64, http.client, os, shutil, socket, subprocess, time

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'work')
TICK = os.sysconf('SC_CLK_TCK')


def cpu_seconds(pid):
    """The process's user+sys CPU, threads that ended included."""
    fields = open(f'/proc/{pid}/stat').read().rsplit(')', 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK


def threads(pid):
    """{thread name: CPU seconds}, threads of one name added up (Grizzly's workers, the JIT's compilers)."""
    named = {}
    for tid in os.listdir(f'/proc/{pid}/task'):
        try:
            text = open(f'/proc/{pid}/task/{tid}/stat').read()
            name = text[text.index('(') + 1:text.rindex(')')]
            fields = text.rsplit(')', 1)[1].split()
            named[name] = named.get(name, 0) + (int(fields[11]) + int(fields[12])) / TICK
        except (FileNotFoundError, ProcessLookupError, ValueError):
            pass
    return named


def status(port, path, headers):
    conn = http.client.HTTPConnection('127.0.0.1', port, timeout=30)
    try:
        conn.request('GET', path, headers=headers)
        response = conn.getresponse()
        response.read()
        return response.status
    finally:
        conn.close()


def one(args, jar, own_args, token):
    db = os.path.join(HERE, 'start-run.db')
    for suffix in ('', '-wal', '-shm'):
        if os.path.exists(db + suffix):
            os.remove(db + suffix)
    shutil.copy(args.template, db)
    os.chmod(db, 0o600)
    env = dict(os.environ, ROSTER_ADMIN_PASSWORD='bench') if args.give_password else dict(os.environ)
    began = time.monotonic()
    server = subprocess.Popen(['java', '-Xmx1g', *args.jvm_arg, *own_args, '-jar', jar, '--port', str(args.port), '--db', db],
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        scim = {'Authorization': 'Bearer ' + token}
        others = []
        while True:
            try:
                code = status(args.port, '/c/demo/auth/scim/v2/Users?count=0', scim)
                if code == 200:
                    wall, cpu, named = time.monotonic() - began, cpu_seconds(server.pid), threads(server.pid)
                    break
                others.append(code)
            except (ConnectionRefusedError, ConnectionResetError, socket.timeout, http.client.RemoteDisconnected):
                pass
            if server.poll() is not None:
                raise SystemExit(f'{jar} stopped with {server.returncode} before answering')
            time.sleep(0.005)
        admin = {'Authorization': 'Basic ' + base64.b64encode(b'admin:bench').decode()}
        while status(args.port, '/admin/api/sites', admin) != 200:
            time.sleep(0.005)
        admin_wall, admin_cpu = time.monotonic() - began, cpu_seconds(server.pid)
        return wall, cpu, admin_wall, admin_cpu, others, named
    finally:
        server.terminate()
        server.wait()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--port', type=int, default=18212)
    parser.add_argument('--template', default=os.path.join(HERE, 'start-template.db'))
    parser.add_argument('--token-file', default=os.path.join(HERE, 'start-token.txt'))
    parser.add_argument('--threads', action='store_true')
    # Without it the stored hash is used as it is: no key is derived at start (ADR 031).
    parser.add_argument('--no-password', dest='give_password', action='store_false')
    parser.add_argument('--jvm-arg', action='append', default=[])
    parser.add_argument('--jvm-arg-of', action='append', default=[], metavar='LABEL=ARG')
    parser.add_argument('rounds', type=int)
    parser.add_argument('jars', nargs='+')
    args = parser.parse_args()
    jars = dict(arg.split('=', 1) for arg in args.jars)
    labelled = [given.split('=', 1) for given in args.jvm_arg_of]
    own = {label: [arg for of, arg in labelled if of == label] for label in jars}
    unknown = {of for of, _ in labelled} - jars.keys()
    if unknown:
        parser.error(f'--jvm-arg-of names no label given: {sorted(unknown)}')
    token = open(args.token_file).read().strip()
    results = {label: [] for label in jars}
    for r in range(args.rounds):
        for label, jar in jars.items():
            wall, cpu, admin_wall, admin_cpu, others, named = one(args, jar, own[label], token)
            results[label].append((wall, cpu, admin_wall, admin_cpu))
            print(f'{label:8} round {r + 1}: first SCIM 200 {wall:.2f} s wall, {cpu:.2f} s CPU; '
                  f'admin API 200 {admin_wall:.2f} s wall, {admin_cpu:.2f} s CPU; other answers {others}; '
                  f'load {os.getloadavg()[0]:.1f}', flush=True)
            if args.threads:
                busiest = sorted(named.items(), key=lambda item: -item[1])[:8]
                print('           ' + ', '.join(f'{name} {seconds:.2f}' for name, seconds in busiest), flush=True)
    for label, values in results.items():
        med = [sorted(v[i] for v in values)[len(values) // 2] for i in range(4)]
        print(f'{label:8} median: first SCIM 200 {med[0]:.2f} s wall, {med[1]:.2f} s CPU; '
              f'admin API 200 {med[2]:.2f} s wall, {med[3]:.2f} s CPU', flush=True)


main()
