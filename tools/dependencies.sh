#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs the Debian packages Dayboard needs that are missing. Sourced by ./run, ./test,
# bench/run and tools/package-check. As root it runs apt-get; otherwise it prints the one sudo
# line to run and stops.
#
# The lists are tools/packages-<purpose>.txt, one package a line (`#` starts a comment; a second
# word names a command, and the package is installed only when that command is missing):
#   run            what the app needs at run time (Qt plugins, QML modules)
#   build          what building the app, the server and the man pages needs
#   test           what ./test adds (test-only tools and services)
#   bench          what bench/run adds
#   package-check  what tools/package-check adds (CPack's dpkg-shlibdeps, debootstrap, appstream)
#   screenshots    Xvfb, xdotool and ImageMagick to run, drive and grab the real app (by hand)

DAYBOARD_ROOT=${DAYBOARD_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}

# dayboard_missing_packages <purpose...>: prints the packages of those lists that are missing here.
dayboard_missing_packages() {
    local purpose package command missing=()
    for purpose in "$@"; do
        while read -r package command _; do
            if [ -n "$command" ]; then
                command -v "$command" >/dev/null 2>&1 || missing+=("$package")
            elif ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
                missing+=("$package")
            fi
        done < <(sed -e 's/#.*//' -e '/^[[:space:]]*$/d' "$DAYBOARD_ROOT/tools/packages-$purpose.txt")
    done
    echo "${missing[@]}"
}

# dayboard_install_dependencies <purpose...>: e.g. `run build` (./run), `run build test` (./test).
dayboard_install_dependencies() {
    local missing
    missing=$(dayboard_missing_packages "$@")
    [ -z "$missing" ] && return 0
    if [ "$(id -u)" -ne 0 ]; then
        echo "Dayboard needs these Debian packages. Install them with:" >&2
        echo "  sudo apt-get install -y --no-install-recommends $missing" >&2
        exit 1
    fi
    echo "Installing: $missing" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq || { echo "apt-get update failed" >&2; exit 1; }
    # shellcheck disable=SC2086
    apt-get install -y -qq --no-install-recommends $missing >&2 || { echo "apt-get install failed" >&2; exit 1; }
}

# dayboard_build <build-dir> <build-type> [targets...]: configures once (tests on, the default,
# so ./run and ./test share the directory without reconfiguring) and builds the given targets,
# or everything when none are given.
dayboard_build() {
    local dir=$1 type=$2
    shift 2
    if [ ! -f "$dir/build.ninja" ]; then
        cmake -S "$DAYBOARD_ROOT" -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE="$type" || exit 1
    fi
    local targets=()
    [ $# -gt 0 ] && targets=(--target "$@")
    cmake --build "$dir" "${targets[@]}" || exit 1
}
