package io.providerkind.install.xpkg;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads the regular entries of an uncompressed ustar archive: just enough to inspect an image layer. */
final class Tar {

    record Entry(String name, int mode, int uid, int gid, byte[] content) {}

    private Tar() {}

    static List<Entry> entries(byte[] tar) {
        List<Entry> entries = new ArrayList<>();
        int offset = 0;
        while (offset + 512 <= tar.length && tar[offset] != 0) {
            String name = text(tar, offset, 100);
            int mode = (int) octal(tar, offset + 100, 8);
            int uid = (int) octal(tar, offset + 108, 8);
            int gid = (int) octal(tar, offset + 116, 8);
            int size = (int) octal(tar, offset + 124, 12);
            String prefix = text(tar, offset + 345, 155);
            byte[] content = Arrays.copyOfRange(tar, offset + 512, offset + 512 + size);
            entries.add(new Entry(prefix.isEmpty() ? name : prefix + "/" + name, mode, uid, gid, content));
            offset += 512 + (size + 511) / 512 * 512;
        }
        return entries;
    }

    private static String text(byte[] tar, int offset, int length) {
        int end = offset;
        while (end < offset + length && tar[end] != 0) {
            end++;
        }
        return new String(tar, offset, end - offset, StandardCharsets.US_ASCII);
    }

    private static long octal(byte[] tar, int offset, int length) {
        String digits = text(tar, offset, length).trim();
        return digits.isEmpty() ? 0 : Long.parseLong(digits, 8);
    }
}
