# Sourced by scripts/test: makes sure the Debian packages the tests use are installed, from apt
# when missing (nothing is downloaded at run time by the tests themselves):
# - chromium and chromium-driver: Selenium drives /usr/bin/chromium through /usr/bin/chromedriver;
# - calibre (without its recommended extras): ebook-convert and ebook-meta for the interop tests.
# Stops with a clear message when it cannot install them.

# quire_need_packages [--no-recommends] CHECK_FILE... -- PACKAGE...: installs the packages unless
# every file exists.
quire_need_packages() {
  local files=() packages=() missing=0 opts=()
  if [ "$1" = "--no-recommends" ]; then opts=(--no-install-recommends); shift; fi
  while [ "$#" -gt 0 ] && [ "$1" != "--" ]; do files+=("$1"); shift; done
  shift
  packages=("$@")
  for f in "${files[@]}"; do
    [ -x "$f" ] || missing=1
  done
  [ "$missing" -eq 0 ] && return 0
  echo "Installing ${packages[*]} for the tests (apt)..."
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
      sudo="sudo"
    else
      echo "The tests need ${packages[*]}; install them as root:" >&2
      echo "  apt-get install ${opts[*]} ${packages[*]}" >&2
      exit 1
    fi
  fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get install -y -q "${opts[@]}" "${packages[@]}" >/dev/null 2>&1 || {
    $sudo apt-get update -q >/dev/null 2>&1
    $sudo apt-get install -y -q "${opts[@]}" "${packages[@]}" >/dev/null
  } || {
    echo "Could not install ${packages[*]} with apt; the tests need them." >&2
    exit 1
  }
}
quire_need_packages /usr/bin/chromium /usr/bin/chromedriver -- chromium chromium-driver
quire_need_packages --no-recommends /usr/bin/ebook-convert /usr/bin/ebook-meta -- calibre
