// SPDX-License-Identifier: MIT
#include "net/connectionslot.h"

#include "net/connectioncounter.h"

ConnectionSlot::ConnectionSlot(std::weak_ptr<ConnectionCounter> counter, QString address, QObject *socket)
    : QObject(socket)
    , m_counter(std::move(counter))
    , m_address(std::move(address))
{ }

ConnectionSlot::~ConnectionSlot()
{
    if (const std::shared_ptr<ConnectionCounter> counter = m_counter.lock())
        counter->release(m_address);
}
