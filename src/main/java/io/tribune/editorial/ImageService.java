package io.tribune.editorial;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

import io.tribune.account.User;
import io.tribune.config.TribuneConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Checks, cleans and stores uploaded pictures; identical pictures are stored once. */
@ApplicationScoped
@Transactional
public class ImageService {

    private final TribuneConfig config;

    ImageService(TribuneConfig config) {
        this.config = config;
    }

    public Image store(byte[] upload, User uploader) {
        long max = config.editorial().maxImageBytes();
        if (upload == null || upload.length == 0) {
            throw new InvalidForm("hero", "Choose a picture to upload.");
        }
        if (upload.length > max) {
            throw new InvalidForm("hero", "The picture is too big: at most " + (max / (1024 * 1024)) + " MB.");
        }
        ImageCleaner.Cleaned cleaned = ImageCleaner.clean(upload);
        String hash = sha256(cleaned.data());
        Optional<Image> same = Image.find("sha256", hash).firstResultOptional();
        if (same.isPresent()) {
            return same.get();
        }
        Image image = new Image();
        image.sha256 = hash;
        image.contentType = cleaned.contentType();
        image.sizeBytes = cleaned.data().length;
        image.data = cleaned.data();
        image.uploadedBy = uploader.username;
        image.persist();
        return image;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Image> find(long id) {
        return Image.findByIdOptional(id);
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
