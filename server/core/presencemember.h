// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

/** @brief One member of a key's presence roster: the client-chosen id and the name it shows. */
struct PresenceMember
{
    QByteArray id;
    QString name;

    friend bool operator==(const PresenceMember &a, const PresenceMember &b)
    {
        return a.id == b.id && a.name == b.name;
    }
};
