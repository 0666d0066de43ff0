return {KEYS[1], ARGV[1]}
