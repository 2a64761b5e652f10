// SPDX-License-Identifier: MIT
#include "loadclient.h"

#include "procstats.h"
#include "wire.h"

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

LoadClient::LoadClient(Proto proto, int port)
    : m_proto(proto)
    , m_port(port)
    , m_epoll(epoll_create1(EPOLL_CLOEXEC))
    , m_readBuf(256 * 1024)
{ }

LoadClient::~LoadClient()
{
    closeAll();
    if (m_epoll >= 0)
        close(m_epoll);
}

int LoadClient::open(int n, const std::string &path, double timeoutS, int maxPending, int rcvbuf)
{
    const size_t first = m_conns.size();
    m_conns.reserve(first + size_t(n));
    m_handshake = wire::wsHandshake(path, m_port);
    const int64_t deadline = nowNs() + int64_t(timeoutS * 1e9);
    size_t next = 0;
    const int openBefore = m_open;
    while (nowNs() < deadline) {
        while (next < size_t(n) && m_pending < maxPending) {
            auto c = std::make_unique<Conn>();
            c->index = int(m_conns.size());
            c->path = path;
            c->mask = 0x9e3779b9u * uint32_t(c->index + 1);
            m_conns.push_back(std::move(c));
            startConnect(*m_conns.back(), rcvbuf);
            ++next;
        }
        if (next == size_t(n) && m_pending == 0)
            break;
        pollOnce(10);
    }
    return m_open - openBefore;
}

void LoadClient::startConnect(Conn &c, int rcvbuf)
{
    c.fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (c.fd < 0) {
        c.state = Conn::State::Closed;
        ++m_closed;
        m_lastError = std::string("socket: ") + strerror(errno);
        return;
    }
    int one = 1;
    setsockopt(c.fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    if (rcvbuf > 0)
        setsockopt(c.fd, SOL_SOCKET, SO_RCVBUF, &rcvbuf, sizeof rcvbuf);
    sockaddr_in addr {};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(uint16_t(m_ports.empty() ? m_port : m_ports[size_t(c.index) % m_ports.size()]));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ++m_pending;
    c.state = Conn::State::Connecting;
    if (connect(c.fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) < 0 && errno != EINPROGRESS) {
        fail(c, std::string("connect: ") + strerror(errno));
        return;
    }
    epoll_event ev {};
    ev.events = EPOLLIN | EPOLLOUT;
    ev.data.ptr = &c;
    epoll_ctl(m_epoll, EPOLL_CTL_ADD, c.fd, &ev);
    c.outArmed = true;
}

void LoadClient::fail(Conn &c, const std::string &why)
{
    if (c.state == Conn::State::Closed)
        return;
    if (c.state == Conn::State::Open)
        --m_open;
    else
        --m_pending;
    m_lastError = why;
    c.state = Conn::State::Closed;
    if (c.fd >= 0) {
        epoll_ctl(m_epoll, EPOLL_CTL_DEL, c.fd, nullptr);
        close(c.fd);
        c.fd = -1;
    }
    ++m_closed;
}

void LoadClient::send(Conn &c, std::string_view payload)
{
    if (c.state == Conn::State::Closed)
        return;
    if (m_proto == Proto::WebSocket)
        wire::appendWsFrame(c.out, payload, c.mask);
    else
        c.out.append(payload);
    markDirty(c);
}

void LoadClient::markDirty(Conn &c)
{
    if (!c.dirty) {
        c.dirty = true;
        m_dirty.push_back(&c);
    }
}

void LoadClient::flush()
{
    // flushOne may not add to m_dirty, so iterating by index is safe.
    for (size_t i = 0; i < m_dirty.size(); ++i) {
        Conn *c = m_dirty[i];
        c->dirty = false;
        flushOne(*c);
    }
    m_dirty.clear();
}

void LoadClient::flushOne(Conn &c)
{
    if (c.state == Conn::State::Closed || c.state == Conn::State::Connecting || c.out.empty())
        return;
    const ssize_t n = ::send(c.fd, c.out.data(), c.out.size(), MSG_NOSIGNAL);
    if (n < 0) {
        if (errno != EAGAIN && errno != EWOULDBLOCK)
            fail(c, std::string("send: ") + strerror(errno));
        else
            updateEvents(c);
        return;
    }
    c.out.erase(0, size_t(n));
    updateEvents(c);
}

void LoadClient::updateEvents(Conn &c)
{
    if (c.fd < 0)
        return;
    const bool wantOut = !c.out.empty();
    if (wantOut == c.outArmed && !c.paused)
        return;
    epoll_event ev {};
    ev.events = (c.paused ? 0u : uint32_t(EPOLLIN)) | (wantOut ? uint32_t(EPOLLOUT) : 0u);
    ev.data.ptr = &c;
    epoll_ctl(m_epoll, EPOLL_CTL_MOD, c.fd, &ev);
    c.outArmed = wantOut;
}

void LoadClient::setPaused(Conn &c, bool paused)
{
    c.paused = paused;
    if (c.fd < 0)
        return;
    epoll_event ev {};
    ev.events = (paused ? 0u : uint32_t(EPOLLIN)) | (c.out.empty() ? 0u : uint32_t(EPOLLOUT));
    ev.data.ptr = &c;
    epoll_ctl(m_epoll, EPOLL_CTL_MOD, c.fd, &ev);
    c.outArmed = !c.out.empty();
}

bool LoadClient::run(const std::function<bool()> &done, double timeoutS)
{
    const int64_t deadline = nowNs() + int64_t(timeoutS * 1e9);
    flush();
    while (!done()) {
        const int64_t left = deadline - nowNs();
        if (left <= 0)
            return false;
        pollOnce(int(std::min<int64_t>(left / 1000000 + 1, 50)));
    }
    return true;
}

void LoadClient::pollOnce(int timeoutMs)
{
    epoll_event events[256];
    const int n = epoll_wait(m_epoll, events, 256, timeoutMs);
    for (int i = 0; i < n; ++i)
        onEvent(*static_cast<Conn *>(events[i].data.ptr), events[i].events);
    flush();
}

void LoadClient::onEvent(Conn &c, uint32_t events)
{
    if (c.state == Conn::State::Closed)
        return;
    if (c.state == Conn::State::Connecting) {
        int err = 0;
        socklen_t len = sizeof err;
        getsockopt(c.fd, SOL_SOCKET, SO_ERROR, &err, &len);
        if (err != 0) {
            fail(c, std::string("connect: ") + strerror(err));
            return;
        }
        if (!(events & (EPOLLOUT | EPOLLIN)))
            return;
        if (m_proto == Proto::WebSocket) {
            c.state = Conn::State::Handshaking;
            c.out += m_handshake;
        } else {
            c.state = Conn::State::Open;
            --m_pending;
            ++m_open;
        }
        flushOne(c);
        return;
    }
    if (events & (EPOLLIN | EPOLLHUP | EPOLLERR))
        onReadable(c);
    if (c.state != Conn::State::Closed && (events & EPOLLOUT))
        flushOne(c);
}

void LoadClient::onReadable(Conn &c)
{
    for (;;) {
        const ssize_t n = ::recv(c.fd, m_readBuf.data(), m_readBuf.size(), 0);
        if (n > 0) {
            c.receivedBytes += uint64_t(n);
            consume(c, m_readBuf.data(), size_t(n));
            if (size_t(n) < m_readBuf.size() || c.state == Conn::State::Closed || c.paused)
                return;
            continue;
        }
        if (n == 0) {
            c.closedByPeer = true;
            fail(c, "closed by peer");
            return;
        }
        if (errno != EAGAIN && errno != EWOULDBLOCK) {
            c.closedByPeer = true;
            fail(c, std::string("recv: ") + strerror(errno));
        }
        return;
    }
}

void LoadClient::consume(Conn &c, const char *data, size_t len)
{
    if (c.partial.empty()) {
        const size_t used = consumeMessages(c, data, len);
        if (used < len && c.state != Conn::State::Closed)
            c.partial.assign(data + used, len - used);
        return;
    }
    c.partial.append(data, len);
    const size_t used = consumeMessages(c, c.partial.data(), c.partial.size());
    if (c.state != Conn::State::Closed)
        c.partial.erase(0, used);
}

size_t LoadClient::consumeMessages(Conn &c, const char *data, size_t len)
{
    size_t at = 0;
    if (c.state == Conn::State::Handshaking) {
        const std::string_view head(data, len);
        const size_t end = head.find("\r\n\r\n");
        if (end == std::string_view::npos)
            return 0;
        if (head.substr(0, 12) != "HTTP/1.1 101") {
            fail(c, "handshake refused: " + std::string(head.substr(0, head.find('\r'))));
            return len;
        }
        c.state = Conn::State::Open;
        --m_pending;
        ++m_open;
        at = end + 4;
    }
    while (at < len && c.state == Conn::State::Open) {
        if (m_proto == Proto::Resp) {
            const size_t n = wire::respReplyLength(data + at, len - at);
            if (n == 0)
                break;
            if (n == SIZE_MAX) {
                ++m_protocolErrors;
                fail(c, "RESP protocol error");
                return len;
            }
            m_handler(c, std::string_view(data + at, n));
            at += n;
            continue;
        }
        wire::WsFrame f;
        if (!wire::parseWsFrame(data + at, len - at, f))
            break;
        const std::string_view payload(data + at + f.headerLen, f.payloadLen);
        at += f.headerLen + f.payloadLen;
        switch (f.opcode) {
        case 0x1:
        case 0x2:
            if (!f.fin)
                ++m_protocolErrors; // fragmented messages are not expected for ~100-byte values
            m_handler(c, payload);
            break;
        case 0x8:
            c.closedByPeer = true;
            fail(c, "close frame");
            return len;
        case 0x9:
            wire::appendWsFrame(c.out, payload, c.mask, 0xA);
            markDirty(c);
            break;
        case 0xA:
            break;
        default:
            ++m_protocolErrors;
        }
    }
    return at;
}

void LoadClient::closeAll()
{
    for (auto &c : m_conns) {
        if (c->fd >= 0) {
            linger lg { 1, 0 };
            setsockopt(c->fd, SOL_SOCKET, SO_LINGER, &lg, sizeof lg);
            epoll_ctl(m_epoll, EPOLL_CTL_DEL, c->fd, nullptr);
            close(c->fd);
            c->fd = -1;
        }
        c->state = Conn::State::Closed;
    }
    m_conns.clear();
    m_dirty.clear();
    m_open = 0;
    m_pending = 0;
}
