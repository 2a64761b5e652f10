// SPDX-License-Identifier: MIT
#include "core/replyencoder.h"

#include "core/jsonwriter.h"

namespace {

void writeRevision(JsonWriter &json, const std::optional<qint64> &revision)
{
    if (revision) {
        json.name("revision");
        json.integer(*revision);
    }
}

void writeOptionalValue(JsonWriter &json, const std::optional<QByteArray> &value)
{
    json.name("value");
    if (value)
        json.string(*value);
    else
        json.null();
}

qsizetype estimateSize(const Reply &reply)
{
    qsizetype size = 96 + reply.key.size() + (reply.value ? reply.value->size() : 0);
    for (const KeyedRecord &record : reply.records)
        size += 48 + record.key.size() + record.record.value.size();
    return size;
}

void writeRecords(JsonWriter &json, const Reply &reply)
{
    json.name("records");
    json.beginArray();
    for (const KeyedRecord &record : reply.records) {
        json.beginObject();
        json.name("key");
        json.string(record.key);
        json.name("value");
        json.string(record.record.value);
        if (reply.recordRevisions) {
            json.name("revision");
            json.integer(record.record.revision);
        }
        json.endObject();
    }
    json.endArray();
    json.name("count");
    json.integer(reply.records.size());
    json.name("truncated");
    json.boolean(reply.truncated);
}

/** The two wires differ only in how an atomic increment reports its result. */
enum class Wire { WebSocket, Rest };

void writeSuccess(JsonWriter &json, const Reply &reply, Wire wire)
{
    switch (reply.op) {
    case Op::Get:
        json.name("key");
        json.string(reply.key);
        json.name("value");
        json.string(reply.value.value_or(QByteArray()));
        writeRevision(json, reply.revision);
        break;
    case Op::Set:
    case Op::Patch:
    case Op::Delete:
        json.name("success");
        json.boolean(true);
        json.name("message");
        json.string(reply.message.toUtf8());
        writeRevision(json, reply.revision);
        break;
    case Op::Atomic:
        json.name("success");
        json.boolean(true);
        if (wire == Wire::WebSocket) {
            json.name("newValue");
            json.integer(reply.newValue);
            json.name("key");
            json.string(reply.key);
        } else {
            json.name("result");
            json.integer(reply.newValue);
        }
        writeRevision(json, reply.revision);
        break;
    case Op::Range:
        writeRecords(json, reply);
        break;
    case Op::Presence:
        json.name("success");
        json.boolean(true);
        json.name("heartbeatMs");
        json.integer(reply.heartbeatMs);
        json.name("expiryMs");
        json.integer(reply.expiryMs);
        break;
    }
}

void writeError(JsonWriter &json, const Reply &reply)
{
    json.name("error");
    json.string(reply.error.toUtf8());
    if (reply.hasKey) {
        json.name("key");
        json.string(reply.key);
    }
    writeRevision(json, reply.revision);
    if (reply.hasValueMember)
        writeOptionalValue(json, reply.value);
}

void writeRestError(JsonWriter &json, const Reply &reply)
{
    json.name("error");
    json.string(reply.error.toUtf8());
    // 409 is an extension: its rebase data is additive, every other error body is just {error}.
    if (reply.code == 409) {
        if (reply.hasKey) {
            json.name("key");
            json.string(reply.key);
        }
        writeRevision(json, reply.revision);
        if (reply.hasValueMember)
            writeOptionalValue(json, reply.value);
    }
}

} // namespace

QByteArray ReplyEncoder::toWebSocket(const Reply &reply)
{
    JsonWriter json(estimateSize(reply));
    json.beginObject();
    json.name("code");
    json.integer(reply.code);
    if (reply.code == 200)
        writeSuccess(json, reply, Wire::WebSocket);
    else
        writeError(json, reply);
    if (!reply.messageIdJson.isEmpty()) {
        json.name("messageId");
        json.raw(reply.messageIdJson);
    }
    json.endObject();
    return json.take();
}

ReplyEncoder::HttpResponse ReplyEncoder::toRest(const Reply &reply)
{
    JsonWriter json(estimateSize(reply));
    json.beginObject();
    if (reply.code == 200)
        writeSuccess(json, reply, Wire::Rest);
    else
        writeRestError(json, reply);
    json.endObject();
    return { reply.code, json.take() };
}

QByteArray ReplyEncoder::presence(const QByteArray &key, const QList<PresenceMember> &members,
                                  qint64 timestampMs)
{
    JsonWriter json(64 + key.size() + members.size() * 96);
    json.beginObject();
    json.name("type");
    json.string("presence");
    json.name("key");
    json.string(key);
    json.name("members");
    json.beginArray();
    for (const PresenceMember &member : members) {
        json.beginObject();
        json.name("id");
        json.string(member.id);
        json.name("name");
        json.string(member.name.toUtf8());
        json.endObject();
    }
    json.endArray();
    json.name("timestamp");
    json.integer(timestampMs);
    json.endObject();
    return json.take();
}

QByteArray ReplyEncoder::notification(const Change &change, bool withRevision)
{
    JsonWriter json(80 + change.key.size() + (change.value ? change.value->size() : 0));
    json.beginObject();
    json.name("type");
    json.string("notification");
    json.name("key");
    json.string(change.key);
    writeOptionalValue(json, change.value);
    json.name("timestamp");
    json.integer(change.timestampMs);
    if (withRevision) {
        json.name("revision");
        json.integer(change.revision);
    }
    json.endObject();
    return json.take();
}
