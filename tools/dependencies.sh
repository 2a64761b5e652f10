#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs the Debian packages Dayboard needs that are missing. Sourced by ./run and ./test.
# As root it runs apt-get; otherwise it prints the one sudo line to run and stops.

dayboard_packages=(
    g++ cmake ninja-build ccache pkg-config
    qt6-base-dev qt6-base-dev-tools qt6-declarative-dev qt6-websockets-dev qt6-httpserver-dev
    qml6-module-qtquick qml6-module-qtquick-controls qml6-module-qtquick-templates
    qml6-module-qtquick-layouts qml6-module-qtquick-window qml6-module-qtqml qml6-module-qtqml-workerscript
    qml6-module-qtqml-models qml6-module-qtquick-shapes qml6-module-qtquick-dialogs
    qml6-module-qt-labs-settings qml6-module-qt-labs-platform qml6-module-qttest
    libqt6sql6-sqlite libqt6svg6 qt6-svg-dev qtkeychain-qt6-dev
    libsecret-1-0 gnome-keyring dbus-daemon
    nlohmann-json3-dev libhiredis-dev redis-server
    xvfb xauth openssl
    clang libclang-rt-14-dev
)

# Node.js runs the interop test (official HPKV SDK) and the benchmark's echo floor.
# Debian's packages are used only when no node/npm is on the PATH: a machine with
# Node from elsewhere (NodeSource, nvm) would otherwise get a conflicting npm.
dayboard_command_packages=(node:nodejs npm:npm)

dayboard_missing_packages() {
    local missing=() package
    for package in "${dayboard_packages[@]}"; do
        if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
            missing+=("$package")
        fi
    done
    local entry
    for entry in "${dayboard_command_packages[@]}"; do
        command -v "${entry%%:*}" >/dev/null 2>&1 || missing+=("${entry#*:}")
    done
    echo "${missing[@]}"
}

dayboard_install_dependencies() {
    local missing
    missing=$(dayboard_missing_packages)
    [ -z "$missing" ] && return 0
    if [ "$(id -u)" -ne 0 ]; then
        echo "Dayboard needs these Debian packages. Install them with:" >&2
        echo "  sudo apt-get install -y $missing" >&2
        exit 1
    fi
    echo "Installing: $missing" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq || { echo "apt-get update failed" >&2; exit 1; }
    # shellcheck disable=SC2086
    apt-get install -y -qq --no-install-recommends $missing >&2 || { echo "apt-get install failed" >&2; exit 1; }
}

# dayboard_build <build-dir> <build-type> [extra cmake args...]
dayboard_build() {
    local dir=$1 type=$2
    shift 2
    if [ ! -f "$dir/build.ninja" ]; then
        cmake -S "$DAYBOARD_ROOT" -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE="$type" "$@" || exit 1
    fi
    cmake --build "$dir" || exit 1
}
