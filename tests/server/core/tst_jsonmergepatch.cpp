// SPDX-License-Identifier: MIT
#include "core/jsondepth.h"
#include "core/jsonmergepatch.h"

#include <QTest>

Q_DECLARE_METATYPE(JsonMergePatch::Outcome)

namespace {
QByteArray nested(const QByteArray &open, const QByteArray &close, int depth)
{
    return open.repeated(depth) + close.repeated(depth);
}

QByteArray nestedObject(int depth)
{
    return QByteArray("{\"a\":").repeated(depth - 1) + "{}" + QByteArray("}").repeated(depth - 1);
}
} // namespace

class TestJsonMergePatch : public QObject
{
    Q_OBJECT

private slots:
    void apply_data();
    void apply();
    void depth_data();
    void depth();
    void hostileNestingDoesNotCrash();
};

void TestJsonMergePatch::apply_data()
{
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<QByteArray>("patch");
    QTest::addColumn<JsonMergePatch::Outcome>("outcome");
    QTest::addColumn<QByteArray>("expected");

    using O = JsonMergePatch::Outcome;
    // RFC 7396 Appendix A, the cases where both sides are objects.
    QTest::newRow("rfc replace member") << QByteArray(R"({"a":"b"})") << QByteArray(R"({"a":"c"})")
                                        << O::Merged << QByteArray(R"({"a":"c"})");
    QTest::newRow("rfc add member") << QByteArray(R"({"a":"b"})") << QByteArray(R"({"b":"c"})") << O::Merged
                                    << QByteArray(R"({"a":"b","b":"c"})");
    QTest::newRow("rfc remove only member")
        << QByteArray(R"({"a":"b"})") << QByteArray(R"({"a":null})") << O::Merged << QByteArray("{}");
    QTest::newRow("rfc remove one member")
        << QByteArray(R"({"a":"b","b":"c"})") << QByteArray(R"({"a":null})") << O::Merged
        << QByteArray(R"({"b":"c"})");
    QTest::newRow("rfc array by scalar") << QByteArray(R"({"a":["b"]})") << QByteArray(R"({"a":"c"})")
                                         << O::Merged << QByteArray(R"({"a":"c"})");
    QTest::newRow("rfc scalar by array") << QByteArray(R"({"a":"c"})") << QByteArray(R"({"a":["b"]})")
                                         << O::Merged << QByteArray(R"({"a":["b"]})");
    QTest::newRow("rfc nested") << QByteArray(R"({"a":{"b":"c"}})")
                                << QByteArray(R"({"a":{"b":"d","c":null}})") << O::Merged
                                << QByteArray(R"({"a":{"b":"d"}})");
    QTest::newRow("rfc array of objects replaced")
        << QByteArray(R"({"a":[{"b":"c"}]})") << QByteArray(R"({"a":[1]})") << O::Merged
        << QByteArray(R"({"a":[1]})");
    QTest::newRow("rfc stored null kept") << QByteArray(R"({"e":null})") << QByteArray(R"({"a":1})")
                                          << O::Merged << QByteArray(R"({"e":null,"a":1})");
    QTest::newRow("rfc nested nulls dropped")
        << QByteArray("{}") << QByteArray(R"({"a":{"bb":{"ccc":null}}})") << O::Merged
        << QByteArray(R"({"a":{"bb":{}}})");
    // Order and shape.
    QTest::newRow("keeps order, appends new")
        << QByteArray(R"({"z":1,"a":2})") << QByteArray(R"({"m":3,"z":4})") << O::Merged
        << QByteArray(R"({"z":4,"a":2,"m":3})");
    QTest::newRow("nested order") << QByteArray(R"({"o":{"y":1,"x":2},"p":0})")
                                  << QByteArray(R"({"o":{"w":3,"y":9}})") << O::Merged
                                  << QByteArray(R"({"o":{"y":9,"x":2,"w":3},"p":0})");
    QTest::newRow("scalar becomes object")
        << QByteArray(R"({"a":1})") << QByteArray(R"({"a":{"b":2,"c":null}})") << O::Merged
        << QByteArray(R"({"a":{"b":2}})");
    QTest::newRow("object becomes scalar") << QByteArray(R"({"a":{"b":2}})") << QByteArray(R"({"a":true})")
                                           << O::Merged << QByteArray(R"({"a":true})");
    QTest::newRow("remove missing member")
        << QByteArray(R"({"a":1})") << QByteArray(R"({"zz":null})") << O::Merged << QByteArray(R"({"a":1})");
    QTest::newRow("nulls inside arrays kept")
        << QByteArray(R"({"a":1})") << QByteArray(R"({"b":[null,{"c":null}]})") << O::Merged
        << QByteArray(R"({"a":1,"b":[null,{"c":null}]})");
    QTest::newRow("empty patch compacts")
        << QByteArray("{ \"a\" :\t[ 1 , 2 ] ,\r\n \"b\" : { } }") << QByteArray("{}") << O::Merged
        << QByteArray(R"({"a":[1,2],"b":{}})");
    QTest::newRow("whitespace around") << QByteArray("  {\"a\":1}  ") << QByteArray("\n{\"b\":2}\n")
                                       << O::Merged << QByteArray(R"({"a":1,"b":2})");
    QTest::newRow("utf-8 kept raw") << QByteArray(R"({"é":"ü"})") << QByteArray(R"({"日本":"\u00e9"})")
                                    << O::Merged << QByteArray(R"({"é":"ü","日本":"é"})");
    QTest::newRow("controls escaped") << QByteArray(R"({"a":"x\u0000y"})") << QByteArray(R"({"b":"\n\t"})")
                                      << O::Merged << QByteArray(R"({"a":"x\u0000y","b":"\n\t"})");
    QTest::newRow("numbers kept") << QByteArray(R"({"i":-5,"u":18446744073709551615})")
                                  << QByteArray(R"({"f":0.5,"g":1.0})") << O::Merged
                                  << QByteArray(R"({"i":-5,"u":18446744073709551615,"f":0.5,"g":1.0})");
    QTest::newRow("duplicate members: last wins, first position")
        << QByteArray(R"({"a":1,"b":2,"a":3})") << QByteArray(R"({"c":4})") << O::Merged
        << QByteArray(R"({"a":3,"b":2,"c":4})");
    QTest::newRow("exponent re-serialised") << QByteArray(R"({"a":1E2})") << QByteArray(R"({"b":-0})")
                                            << O::Merged << QByteArray(R"({"a":100.0,"b":0})");
    QTest::newRow("showcase todo object")
        << QByteArray(R"({"id":"todo_1_0","text":"Buy","priority":"low","status":"not set","created":1})")
        << QByteArray(R"({"status":"done"})") << O::Merged
        << QByteArray(R"({"id":"todo_1_0","text":"Buy","priority":"low","status":"done","created":1})");
    QTest::newRow("depth 128 merges") << nestedObject(128) << QByteArray(R"({"a":{"b":1}})") << O::Merged
                                      << QByteArray(R"({"a":{"a":)") + QByteArray("{\"a\":").repeated(125)
            + "{}" + QByteArray("}").repeated(125) + R"(,"b":1}})";
    // Not objects: the caller appends.
    QTest::newRow("array target") << QByteArray("[1]") << QByteArray(R"({"a":1})") << O::NotObjects
                                  << QByteArray();
    QTest::newRow("array patch") << QByteArray(R"({"a":1})") << QByteArray("[1]") << O::NotObjects
                                 << QByteArray();
    QTest::newRow("string target") << QByteArray("hello") << QByteArray(R"({"a":1})") << O::NotObjects
                                   << QByteArray();
    QTest::newRow("json string target")
        << QByteArray(R"("{}")") << QByteArray(R"({"a":1})") << O::NotObjects << QByteArray();
    QTest::newRow("number patch") << QByteArray(R"({"a":1})") << QByteArray("5") << O::NotObjects
                                  << QByteArray();
    QTest::newRow("null patch") << QByteArray(R"({"a":1})") << QByteArray("null") << O::NotObjects
                                << QByteArray();
    QTest::newRow("broken target") << QByteArray(R"({"a":)") << QByteArray(R"({"a":1})") << O::NotObjects
                                   << QByteArray();
    QTest::newRow("trailing garbage")
        << QByteArray(R"({"a":1} x)") << QByteArray(R"({"a":1})") << O::NotObjects << QByteArray();
    QTest::newRow("two objects") << QByteArray(R"({"a":1}{"b":2})") << QByteArray(R"({"a":1})")
                                 << O::NotObjects << QByteArray();
    QTest::newRow("invalid utf-8") << QByteArray("{\"a\":\"\xff\"}") << QByteArray(R"({"a":1})")
                                   << O::NotObjects << QByteArray();
    QTest::newRow("empty") << QByteArray() << QByteArray(R"({"a":1})") << O::NotObjects << QByteArray();
    // Too deep: refused, not recursed into.
    QTest::newRow("target 129") << nestedObject(129) << QByteArray(R"({"a":1})") << O::TooDeep
                                << QByteArray();
    QTest::newRow("patch 129") << QByteArray(R"({"a":1})") << nestedObject(129) << O::TooDeep << QByteArray();
    QTest::newRow("arrays count") << QByteArray(R"({"a":)") + nested("[", "]", 128) + "}" << QByteArray("{}")
                                  << O::TooDeep << QByteArray();
    QTest::newRow("brackets in strings do not count")
        << QByteArray(R"({"a":")") + QByteArray("[{").repeated(300) + "\"}" << QByteArray(R"({"b":"\"[[[["})")
        << O::Merged << QByteArray(R"({"a":")") + QByteArray("[{").repeated(300) + R"(","b":"\"[[[["})";
}

void TestJsonMergePatch::apply()
{
    QFETCH(QByteArray, target);
    QFETCH(QByteArray, patch);
    QFETCH(JsonMergePatch::Outcome, outcome);
    QFETCH(QByteArray, expected);

    const JsonMergePatch::Result result = JsonMergePatch::apply(target, patch);
    QCOMPARE(result.outcome, outcome);
    QCOMPARE(result.value, expected);
}

void TestJsonMergePatch::depth_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<int>("limit");
    QTest::addColumn<bool>("within");

    QTest::newRow("scalar") << QByteArray("1") << 0 << true;
    QTest::newRow("empty object at 1") << QByteArray("{}") << 1 << true;
    QTest::newRow("empty object at 0") << QByteArray("{}") << 0 << false;
    QTest::newRow("siblings do not add") << QByteArray("[[],[],{}]") << 2 << true;
    QTest::newRow("3 deep at 2") << QByteArray("[[[]]]") << 2 << false;
    QTest::newRow("3 deep at 3") << QByteArray("[{\"a\":[]}]") << 3 << true;
    QTest::newRow("string brackets") << QByteArray(R"(["[[[[","{{{{"])") << 1 << true;
    QTest::newRow("escaped quote") << QByteArray(R"(["\"[[[["])") << 1 << true;
    QTest::newRow("escaped backslash ends string") << QByteArray(R"(["\\",[[]]])") << 2 << false;
    QTest::newRow("unbalanced closers") << QByteArray("]]]]][[") << 2 << true;
    QTest::newRow("128 at 128") << nested("[", "]", 128) << 128 << true;
    QTest::newRow("129 at 128") << nested("[", "]", 129) << 128 << false;
}

void TestJsonMergePatch::depth()
{
    QFETCH(QByteArray, json);
    QFETCH(int, limit);
    QFETCH(bool, within);
    QCOMPARE(JsonDepth::withinLimit(json, limit), within);
}

void TestJsonMergePatch::hostileNestingDoesNotCrash()
{
    // 100 KB of nesting (the largest value a client may store) on either side.
    const QByteArray deep = "{\"a\":" + nested("[", "]", 51190) + "}";
    QCOMPARE(JsonMergePatch::apply(deep, R"({"b":1})").outcome, JsonMergePatch::Outcome::TooDeep);
    QCOMPARE(JsonMergePatch::apply(R"({"b":1})", deep).outcome, JsonMergePatch::Outcome::TooDeep);
}

QTEST_GUILESS_MAIN(TestJsonMergePatch)
#include "tst_jsonmergepatch.moc"
