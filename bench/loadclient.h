// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

/** @brief How a connection talks: WebSocket text frames, or RESP (redis-server). */
enum class Proto { WebSocket, Resp };

/** @brief One client connection and the little per-connection state the workloads need. */
struct Conn
{
    enum class State { Connecting, Handshaking, Open, Closed };

    int fd = -1;
    int index = 0;
    State state = State::Connecting;
    std::string path;
    std::string partial; ///< received bytes not yet forming a whole message
    std::string out; ///< bytes not yet accepted by the kernel
    uint32_t mask = 0;
    bool outArmed = false;
    bool dirty = false;
    bool paused = false;
    bool closedByPeer = false;
    // Workload state.
    int64_t sentAt = 0;
    int inflight = 0;
    int64_t revision = 0;
    uint64_t received = 0;
    uint64_t receivedBytes = 0;
};

/**
 * @brief A single-threaded epoll client driving many connections to 127.0.0.1.
 *
 * Sends are buffered per connection and flushed once per readiness batch, so a pipelined
 * workload writes many requests with one syscall, as redis-benchmark does.
 */
class LoadClient
{
public:
    using MessageHandler = std::function<void(Conn &, std::string_view)>;

    LoadClient(Proto proto, int port);
    ~LoadClient();
    LoadClient(const LoadClient &) = delete;
    LoadClient &operator=(const LoadClient &) = delete;

    void setMessageHandler(MessageHandler handler) { m_handler = std::move(handler); }

    /**
     * Spreads connections over several servers (instances sharing one store): connection i
     * goes to ports[i % size], so conns()[0] (a workload's writer) is on the first. Empty:
     * every connection goes to the constructor's port.
     */
    void setPorts(std::vector<int> ports) { m_ports = std::move(ports); }

    /**
     * Opens `n` more connections (WebSocket: upgrades to `path`), at most `maxPending` in the
     * handshake at once; returns how many are open when all finished or `timeoutS` passed.
     */
    int open(int n, const std::string &path, double timeoutS, int maxPending = 128, int rcvbuf = 0);

    std::vector<std::unique_ptr<Conn>> &conns() { return m_conns; }

    /** Queues one message: a masked text frame (WebSocket) or raw RESP bytes. */
    void send(Conn &c, std::string_view payload);
    /** Writes every queued byte now (the loop does it after each batch anyway). */
    void flush();

    /** Runs until `done()` holds or `timeoutS` passes; true when done. */
    bool run(const std::function<bool()> &done, double timeoutS);

    /** Stops (or resumes) reading a connection, so its receive buffer fills up. */
    void setPaused(Conn &c, bool paused);

    /** Closes every connection with a reset (no TIME_WAIT pile-up across rounds). */
    void closeAll();

    int openCount() const { return m_open; }
    int closedCount() const { return m_closed; }
    uint64_t protocolErrors() const { return m_protocolErrors; }
    const std::string &lastError() const { return m_lastError; }

private:
    void startConnect(Conn &c, int rcvbuf);
    void pollOnce(int timeoutMs);
    void onEvent(Conn &c, uint32_t events);
    void onReadable(Conn &c);
    void consume(Conn &c, const char *data, size_t len);
    size_t consumeMessages(Conn &c, const char *data, size_t len);
    void markDirty(Conn &c);
    void flushOne(Conn &c);
    void updateEvents(Conn &c);
    void fail(Conn &c, const std::string &why);

    Proto m_proto;
    int m_port;
    std::vector<int> m_ports;
    int m_epoll = -1;
    int m_pending = 0;
    int m_open = 0;
    int m_closed = 0;
    uint64_t m_protocolErrors = 0;
    std::string m_lastError;
    std::string m_handshake;
    MessageHandler m_handler;
    std::vector<std::unique_ptr<Conn>> m_conns;
    std::vector<Conn *> m_dirty;
    std::vector<char> m_readBuf;
};
