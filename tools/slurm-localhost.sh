#!/usr/bin/env bash
# Makes this machine a one-node Slurm cluster, to try 'sweep run --executor slurm' (and to run its tests) without a
# real cluster. Debian/Ubuntu, as root, with or without systemd: it starts the daemons itself.
#
#   sudo tools/slurm-localhost.sh
#
# Idempotent: each step is skipped when already done (packages, munge key, daemons, configuration), so running it again
# is safe and only restarts what is missing. It writes /etc/slurm/slurm.conf only when there is none, or when the one
# there was written by this script and no longer fits the machine (then Slurm is restarted to read it); a slurm.conf
# written by anyone else is left alone. Exits non-zero with a message saying what failed.
#
# Stop the cluster with 'scontrol shutdown' (slurmctld and slurmd) and 'pkill -x munged' if you want it gone.
set -euo pipefail

readonly CONF=/etc/slurm/slurm.conf
readonly MARK="# Written by Neuromorph tools/slurm-localhost.sh (a one-node cluster on this machine)."
readonly WAIT_SECONDS=60

say() { echo "slurm-localhost: $*"; }
fail() {
  echo "slurm-localhost: error: $*" >&2
  exit 1
}

[[ $(id -u) -eq 0 ]] || fail "run it as root (sudo $0): it installs packages, writes /etc/slurm and starts daemons."

# --- packages -------------------------------------------------------------------------------------------------------
missing=()
for program in /usr/sbin/slurmctld:slurmctld /usr/sbin/slurmd:slurmd /usr/bin/sbatch:slurm-client /usr/sbin/munged:munge; do
  [[ -x ${program%%:*} ]] || missing+=("${program#*:}")
done
if ((${#missing[@]} > 0)); then
  command -v apt-get >/dev/null || fail "missing ${missing[*]} and no apt-get here: install Slurm and munge with your package manager."
  # slurm-wlm is the metapackage (slurmctld, slurmd, slurm-client); install it with munge.
  if ! apt-cache policy slurm-wlm 2>/dev/null | grep -q 'Candidate: [0-9]'; then
    say "package lists do not know slurm-wlm: apt-get update"
    apt-get update -q || fail "apt-get update failed (see above)."
  fi
  say "installing slurm-wlm and munge (missing: ${missing[*]})"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends slurm-wlm munge \
    || fail "apt-get install slurm-wlm munge failed (see above)."
else
  say "packages: slurm-wlm and munge already installed ($(sinfo --version))"
fi

# --- munge ----------------------------------------------------------------------------------------------------------
id munge >/dev/null 2>&1 || fail "the munge package did not create the user 'munge'."
install -d -o munge -g munge -m 0700 /etc/munge /var/lib/munge /var/log/munge
install -d -o munge -g munge -m 0755 /run/munge
if [[ ! -s /etc/munge/munge.key ]]; then
  say "creating /etc/munge/munge.key (1024 random bytes)"
  (umask 077 && dd if=/dev/urandom of=/etc/munge/munge.key bs=1024 count=1 status=none)
else
  say "munge key: /etc/munge/munge.key exists"
fi
chown munge:munge /etc/munge/munge.key
chmod 0400 /etc/munge/munge.key
if pgrep -x munged >/dev/null; then
  say "munged: already running"
else
  say "starting munged"
  runuser -u munge -- /usr/sbin/munged || fail "munged did not start (see /var/log/munge/munged.log)."
fi
munge -n </dev/null | unmunge >/dev/null 2>&1 || fail "munge does not work: 'munge -n | unmunge' failed (see /var/log/munge/munged.log)."

# --- slurm.conf -----------------------------------------------------------------------------------------------------
host=$(hostname -s)
cpus=$(nproc)
total_mb=$(free -m | awk '/^Mem:/ { print $2 }')
# A bit under what the machine has: slurmd drains a node whose RealMemory is more than it finds.
real_mb=$((total_mb * 95 / 100))
desired=$(
  cat <<EOF
$MARK
# Node: $cpus CPUs (nproc), RealMemory ${real_mb} MB (95% of ${total_mb} MB, free -m). Delete this file and run the script
# again to regenerate it.
ClusterName=localhost
SlurmctldHost=${host}(127.0.0.1)
SlurmUser=root
AuthType=auth/munge
CredType=cred/munge
MpiDefault=none
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
SchedulerType=sched/backfill
StateSaveLocation=/var/spool/slurmctld
SlurmdSpoolDir=/var/spool/slurmd
SlurmctldPidFile=/run/slurmctld.pid
SlurmdPidFile=/run/slurmd.pid
SlurmctldLogFile=/var/log/slurm/slurmctld.log
SlurmdLogFile=/var/log/slurm/slurmd.log
JobCompType=jobcomp/none
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
NodeName=${host} NodeAddr=127.0.0.1 CPUs=${cpus} RealMemory=${real_mb} State=UNKNOWN
PartitionName=debug Nodes=${host} Default=YES MaxTime=INFINITE State=UP
EOF
)
restart=false
if [[ ! -e $CONF ]]; then
  say "writing $CONF (node $host: $cpus CPUs, RealMemory $real_mb MB)"
  mkdir -p /etc/slurm
  printf '%s\n' "$desired" >"$CONF"
elif ! head -n 1 "$CONF" | grep -qxF "$MARK"; then
  say "keeping $CONF: it was not written by this script (using it as it is)"
elif [[ $(cat "$CONF") != "$desired" ]]; then
  say "rewriting $CONF (this machine changed: node $host, $cpus CPUs, RealMemory $real_mb MB)"
  printf '%s\n' "$desired" >"$CONF"
  restart=true
else
  say "$CONF: up to date"
fi
install -d -m 0755 /var/spool/slurmctld /var/spool/slurmd /var/log/slurm

# --- daemons --------------------------------------------------------------------------------------------------------
if $restart && pgrep -x slurmctld >/dev/null; then
  say "restarting Slurm to read the new configuration (scontrol shutdown)"
  scontrol shutdown >/dev/null 2>&1 || true
  for _ in $(seq 1 20); do
    pgrep -x slurmctld >/dev/null || pgrep -x slurmd >/dev/null || break
    sleep 0.5
  done
fi
if pgrep -x slurmctld >/dev/null; then
  say "slurmctld: already running"
else
  say "starting slurmctld"
  /usr/sbin/slurmctld || fail "slurmctld did not start (see /var/log/slurm/slurmctld.log)."
fi
if pgrep -x slurmd >/dev/null; then
  say "slurmd: already running"
else
  say "starting slurmd"
  /usr/sbin/slurmd || fail "slurmd did not start (see /var/log/slurm/slurmd.log)."
fi

# --- wait for the node ----------------------------------------------------------------------------------------------
state=""
resumed=false
for _ in $(seq 1 $((WAIT_SECONDS * 2))); do
  state=$(sinfo --noheader --nodes="$host" --format=%t 2>/dev/null | head -n 1 || true)
  case $state in
    idle | mix | alloc) break ;;
    drain | down | drng)
      # A node left down or drained by an earlier start (e.g. a daemon killed) comes back once resumed.
      if ! $resumed; then
        say "node $host is $state: resuming it"
        scontrol update NodeName="$host" State=RESUME >/dev/null 2>&1 || true
        resumed=true
      fi
      ;;
  esac
  sleep 0.5
done
case $state in
  idle | mix | alloc) ;;
  *) fail "node $host is '${state:-not listed}' after ${WAIT_SECONDS} s (sinfo; see /var/log/slurm/slurmctld.log and slurmd.log)." ;;
esac
say "ready: node $host is $state"
sinfo
