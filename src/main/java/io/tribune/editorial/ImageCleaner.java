package io.tribune.editorial;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * Recognises JPEG, PNG and WebP by their first bytes (never by file name or declared type) and returns a copy
 * without metadata: JPEG and PNG are decoded and re-encoded, which drops EXIF, XMP and text chunks; WebP, which
 * the JDK cannot encode, is rebuilt chunk by chunk without its EXIF and XMP chunks.
 */
final class ImageCleaner {

    static final int MAX_SIDE = 10_000;
    static final long MAX_PIXELS = 50_000_000L;

    record Cleaned(String contentType, byte[] data) {
    }

    private ImageCleaner() {
    }

    static String detect(byte[] b) {
        if (b.length > 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
            return "image/jpeg";
        }
        byte[] png = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
        if (b.length > 8 && Arrays.equals(Arrays.copyOf(b, 8), png)) {
            return "image/png";
        }
        if (b.length > 12 && ascii(b, 0).equals("RIFF") && ascii(b, 8).equals("WEBP")) {
            return "image/webp";
        }
        return null;
    }

    static Cleaned clean(byte[] data) {
        String type = detect(data);
        if (type == null) {
            throw new InvalidForm("hero", "Upload a JPEG, PNG or WebP picture.");
        }
        return switch (type) {
            case "image/jpeg" -> new Cleaned(type, reencode(data, "jpeg"));
            case "image/png" -> new Cleaned(type, reencode(data, "png"));
            default -> new Cleaned(type, stripWebp(data));
        };
    }

    private static byte[] reencode(byte[] data, String format) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(data))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw unreadable();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int w = reader.getWidth(0);
                int h = reader.getHeight(0);
                if (w > MAX_SIDE || h > MAX_SIDE || (long) w * h > MAX_PIXELS) {
                    throw new InvalidForm("hero", "The picture is too large: at most " + MAX_SIDE + " pixels a side.");
                }
                BufferedImage image = reader.read(0);
                return "jpeg".equals(format) ? writeJpeg(image) : writePng(image);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidForm invalid) {
                throw invalid;
            }
            throw unreadable();
        }
    }

    private static byte[] writePng(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(image, "png", out)) {
            throw unreadable();
        }
        return out.toByteArray();
    }

    private static byte[] writeJpeg(BufferedImage image) throws IOException {
        BufferedImage rgb = image;
        if (image.getType() != BufferedImage.TYPE_3BYTE_BGR && image.getType() != BufferedImage.TYPE_INT_RGB
                && image.getType() != BufferedImage.TYPE_BYTE_GRAY) {
            rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
            rgb.getGraphics().drawImage(image, 0, 0, null);
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.9f);
            writer.write(null, new IIOImage(rgb, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /** RIFF: "RIFF", size, "WEBP", then chunks (fourcc, little-endian size, data padded to even length). */
    private static byte[] stripWebp(byte[] data) {
        ByteBuffer in = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        long riffSize = Integer.toUnsignedLong(in.getInt(4));
        if (riffSize + 8 > data.length || riffSize < 4) {
            throw unreadable();
        }
        ByteArrayOutputStream chunks = new ByteArrayOutputStream();
        int pos = 12;
        int end = (int) riffSize + 8;
        boolean image = false;
        while (pos + 8 <= end) {
            String fourcc = ascii(data, pos);
            long size = Integer.toUnsignedLong(in.getInt(pos + 4));
            long next = pos + 8 + size + (size & 1);
            if (pos + 8 + size > end) {
                throw unreadable();
            }
            if (fourcc.equals("VP8 ") || fourcc.equals("VP8L") || fourcc.equals("ANMF")) {
                image = true;
            }
            if (!fourcc.equals("EXIF") && !fourcc.equals("XMP ")) {
                byte[] chunk = Arrays.copyOfRange(data, pos, (int) Math.min(next, end));
                if (fourcc.equals("VP8X") && chunk.length > 8) {
                    chunk[8] &= (byte) ~0x0c; // clear the "has EXIF" and "has XMP" flags
                }
                chunks.writeBytes(chunk);
            }
            pos = (int) next;
        }
        if (!image) {
            throw unreadable();
        }
        byte[] body = chunks.toByteArray();
        ByteBuffer out = ByteBuffer.allocate(12 + body.length).order(ByteOrder.LITTLE_ENDIAN);
        out.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(4 + body.length)
                .put("WEBP".getBytes(StandardCharsets.US_ASCII)).put(body);
        return out.array();
    }

    private static String ascii(byte[] b, int at) {
        return new String(b, at, 4, StandardCharsets.US_ASCII);
    }

    private static InvalidForm unreadable() {
        return new InvalidForm("hero", "The picture could not be read: upload a JPEG, PNG or WebP file.");
    }
}
