package io.matey.text;

import java.text.Normalizer;

/**
 * Latin letters as ASCII, for names that every tool, shell and source encoding reads alike (migration file names,
 * generated Java identifiers): accented letters lose their accents (NFD splits {@code ü} into {@code u} and a
 * combining mark), and the letters NFD leaves whole are spelled out ({@code ß} → {@code ss}). Other characters
 * stay as they are, for the caller to keep or replace.
 */
public final class AsciiFold {

    private AsciiFold() {
    }

    public static String fold(String text) {
        return spellOut(Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", ""));
    }

    /** German, Nordic, Polish and Croatian letters that are no base letter with an accent. */
    private static String spellOut(String text) {
        return text.replace("ß", "ss").replace("ẞ", "SS").replace("æ", "ae").replace("Æ", "AE").replace("œ", "oe")
                .replace("Œ", "OE").replace("ø", "o").replace("Ø", "O").replace("ł", "l").replace("Ł", "L")
                .replace("đ", "d").replace("Đ", "D").replace("þ", "th").replace("Þ", "TH");
    }
}
