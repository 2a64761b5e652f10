// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

/** @brief Minimal client-side wire formats: RFC 6455 frames and RESP2 replies. */
namespace wire {

/** Appends one masked client frame (text by default) to `out`. */
void appendWsFrame(std::string &out, std::string_view payload, uint32_t mask, int opcode = 1);

/** One parsed server frame. */
struct WsFrame
{
    int opcode = 0;
    bool fin = true;
    size_t headerLen = 0;
    size_t payloadLen = 0;
};

/** Parses a server (unmasked) frame at `data`; returns false when incomplete. */
bool parseWsFrame(const char *data, size_t len, WsFrame &frame);

/** The upgrade request for `path` on 127.0.0.1:port. */
std::string wsHandshake(std::string_view path, int port);

/**
 * Length of the complete RESP reply at `data` (arrays recursively), 0 when incomplete,
 * SIZE_MAX on a protocol error.
 */
size_t respReplyLength(const char *data, size_t len);

/** Appends a RESP command (array of bulk strings). */
void appendResp(std::string &out, std::initializer_list<std::string_view> args);

/** Value of the first `"name":<int>` in a JSON text, or `fallback`. */
int64_t jsonInt(std::string_view json, std::string_view name, int64_t fallback);

/** The sequence number written by the fan-out writer: the digits after the first "seq". */
int64_t findSeq(std::string_view text);

} // namespace wire
