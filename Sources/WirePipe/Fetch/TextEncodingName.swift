import Foundation

/// Encoding labels as pages write them, mapped to the names wirepipe records and decodes with.
/// Follows the WHATWG Encoding Standard where browsers differ from the label: Latin-1 and ASCII are
/// read as windows-1252, which is what such pages really contain.
public enum TextEncodingName {
    /// The canonical name for a label, or nil for a label nobody knows.
    public static func canonical(_ label: String) -> String? {
        let key = label.trimmingCharacters(in: trimmed).lowercased()
        if let name = aliases[key] { return name }
        if key.hasPrefix("iso-8859-") || key.hasPrefix("windows-") { return key }
        return nil
    }

    /// Made once: building the set cost more than the lookup it serves, on every page.
    private static let trimmed = CharacterSet.whitespacesAndNewlines.union(CharacterSet(charactersIn: "\"'"))

    private static let aliases: [String: String] = [
        "utf-8": "utf-8", "utf8": "utf-8", "unicode-1-1-utf-8": "utf-8",
        "utf-16": "utf-16le", "utf-16le": "utf-16le", "utf-16be": "utf-16be",
        "utf-32": "utf-32le", "utf-32le": "utf-32le", "utf-32be": "utf-32be",
        "iso-8859-1": "windows-1252", "iso8859-1": "windows-1252", "latin1": "windows-1252", "l1": "windows-1252",
        "us-ascii": "windows-1252", "ascii": "windows-1252", "cp1252": "windows-1252", "x-cp1252": "windows-1252",
        "windows-1252": "windows-1252", "cp819": "windows-1252", "iso_8859-1": "windows-1252",
        "cp1251": "windows-1251", "x-cp1251": "windows-1251", "cp1250": "windows-1250",
        "iso-8859-15": "iso-8859-15", "latin9": "iso-8859-15", "iso-8859-2": "iso-8859-2", "latin2": "iso-8859-2",
        "koi8-r": "koi8-r", "koi8-u": "koi8-u",
        "shift_jis": "shift_jis", "shift-jis": "shift_jis", "sjis": "shift_jis", "x-sjis": "shift_jis",
        "windows-31j": "shift_jis", "ms932": "shift_jis", "cp932": "shift_jis",
        "euc-jp": "euc-jp", "iso-2022-jp": "iso-2022-jp",
        "euc-kr": "euc-kr", "ks_c_5601-1987": "euc-kr", "cp949": "euc-kr", "windows-949": "euc-kr",
        "gb2312": "gbk", "gbk": "gbk", "gb18030": "gb18030", "x-gbk": "gbk", "cp936": "gbk",
        "big5": "big5", "big5-hkscs": "big5",
        "tis-620": "windows-874", "windows-874": "windows-874",
    ]
}
