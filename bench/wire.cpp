// SPDX-License-Identifier: MIT
#include "wire.h"

#include <cstring>
#include <limits>

namespace wire {

void appendWsFrame(std::string &out, std::string_view payload, uint32_t mask, int opcode)
{
    const size_t n = payload.size();
    const size_t start = out.size();
    size_t header = 2 + 4 + (n < 126 ? 0 : n < 65536 ? 2 : 8);
    out.resize(start + header + n);
    auto *p = reinterpret_cast<unsigned char *>(out.data() + start);
    *p++ = 0x80 | (opcode & 0x0f);
    if (n < 126) {
        *p++ = 0x80 | unsigned(n);
    } else if (n < 65536) {
        *p++ = 0x80 | 126;
        *p++ = (n >> 8) & 0xff;
        *p++ = n & 0xff;
    } else {
        *p++ = 0x80 | 127;
        for (int i = 7; i >= 0; --i)
            *p++ = (uint64_t(n) >> (8 * i)) & 0xff;
    }
    unsigned char key[4] = { uint8_t(mask >> 24), uint8_t(mask >> 16), uint8_t(mask >> 8), uint8_t(mask) };
    memcpy(p, key, 4);
    p += 4;
    for (size_t i = 0; i < n; ++i)
        p[i] = uint8_t(payload[i]) ^ key[i & 3];
}

bool parseWsFrame(const char *data, size_t len, WsFrame &frame)
{
    if (len < 2)
        return false;
    auto *p = reinterpret_cast<const unsigned char *>(data);
    frame.fin = p[0] & 0x80;
    frame.opcode = p[0] & 0x0f;
    const bool masked = p[1] & 0x80;
    uint64_t n = p[1] & 0x7f;
    size_t h = 2;
    if (n == 126) {
        if (len < 4)
            return false;
        n = (uint64_t(p[2]) << 8) | p[3];
        h = 4;
    } else if (n == 127) {
        if (len < 10)
            return false;
        n = 0;
        for (int i = 0; i < 8; ++i)
            n = (n << 8) | p[2 + i];
        h = 10;
    }
    if (masked)
        h += 4; // servers must not mask; tolerate it by skipping the key (payload left masked)
    if (len < h + n)
        return false;
    frame.headerLen = h;
    frame.payloadLen = size_t(n);
    return true;
}

std::string wsHandshake(std::string_view path, int port)
{
    std::string s;
    s.reserve(256 + path.size());
    s += "GET ";
    s += path;
    s += " HTTP/1.1\r\nHost: 127.0.0.1:";
    s += std::to_string(port);
    s += "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
         "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
    return s;
}

static size_t lineEnd(const char *data, size_t len, size_t from)
{
    const void *cr = from < len ? memchr(data + from, '\r', len - from) : nullptr;
    if (!cr)
        return 0;
    size_t at = size_t(static_cast<const char *>(cr) - data);
    if (at + 1 >= len)
        return 0;
    return at + 2;
}

size_t respReplyLength(const char *data, size_t len)
{
    if (len < 3)
        return 0;
    const size_t end = lineEnd(data, len, 1);
    if (!end)
        return 0;
    switch (data[0]) {
    case '+':
    case '-':
    case ':':
        return end;
    case '$': {
        const long n = strtol(data + 1, nullptr, 10);
        if (n < 0)
            return end;
        const size_t total = end + size_t(n) + 2;
        return len >= total ? total : 0;
    }
    case '*': {
        const long n = strtol(data + 1, nullptr, 10);
        size_t at = end;
        for (long i = 0; i < n; ++i) {
            const size_t one = respReplyLength(data + at, len - at);
            if (one == 0 || one == std::numeric_limits<size_t>::max())
                return one;
            at += one;
        }
        return at;
    }
    default:
        return std::numeric_limits<size_t>::max();
    }
}

void appendResp(std::string &out, std::initializer_list<std::string_view> args)
{
    out += '*';
    out += std::to_string(args.size());
    out += "\r\n";
    for (std::string_view a : args) {
        out += '$';
        out += std::to_string(a.size());
        out += "\r\n";
        out += a;
        out += "\r\n";
    }
}

int64_t jsonInt(std::string_view json, std::string_view name, int64_t fallback)
{
    std::string needle;
    needle.reserve(name.size() + 3);
    needle += '"';
    needle += name;
    needle += "\":";
    const size_t at = json.find(needle);
    if (at == std::string_view::npos)
        return fallback;
    size_t i = at + needle.size();
    while (i < json.size() && json[i] == ' ')
        ++i;
    bool neg = false;
    if (i < json.size() && json[i] == '-') {
        neg = true;
        ++i;
    }
    int64_t v = 0;
    bool any = false;
    while (i < json.size() && json[i] >= '0' && json[i] <= '9') {
        v = v * 10 + (json[i] - '0');
        ++i;
        any = true;
    }
    return any ? (neg ? -v : v) : fallback;
}

int64_t findSeq(std::string_view text)
{
    const size_t at = text.find("seq");
    if (at == std::string_view::npos)
        return -1;
    size_t i = at + 3;
    while (i < text.size() && (text[i] < '0' || text[i] > '9') && i < at + 8)
        ++i;
    int64_t v = 0;
    bool any = false;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
        v = v * 10 + (text[i] - '0');
        ++i;
        any = true;
    }
    return any ? v : -1;
}

} // namespace wire
