# Free loopback ports for the servers ./mockloop and the benchmarks start (sourced; the caller defines `die`).
# Picked below the kernel's ephemeral range: a port in it can be held by an outgoing connection (or its TIME_WAIT),
# which the listening-port check cannot see, and the server's bind then fails (smtp4dev did, once, on a fresh clone).

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# free_ports N: sets PORTS to N distinct ports nothing listens on. Call it directly (not in $(...)) when you need
# more than one, so the ports of one call never repeat.
free_ports() {
  local want="$1" port low=20000 high=32768 ephemeral
  read -r ephemeral _ </proc/sys/net/ipv4/ip_local_port_range 2>/dev/null && [ "$ephemeral" -gt $((low + 1000)) ] && high="$ephemeral"
  PORTS=()
  for _ in $(seq 1 $((want * 50))); do
    port=$(( low + RANDOM % (high - low) ))
    port_in_use "$port" || [[ " ${PORTS[*]} " == *" $port "* ]] || PORTS+=("$port")
    [ "${#PORTS[@]}" -eq "$want" ] && return 0
  done
  die "no free port found"
}

# free_port: prints one free port (port="$(free_port)").
free_port() {
  free_ports 1
  echo "${PORTS[0]}"
}
