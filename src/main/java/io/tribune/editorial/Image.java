package io.tribune.editorial;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** An uploaded picture, cleaned of metadata, stored in PostgreSQL so every instance serves it. */
@Entity
public class Image extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String sha256;
    @Column(name = "content_type")
    public String contentType;
    @Column(name = "size_bytes")
    public int sizeBytes;
    public byte[] data;
    @Column(name = "uploaded_by")
    public String uploadedBy;
    @Column(name = "created_at")
    public Instant createdAt = Instant.now();

    public String url() {
        return "/images/" + id;
    }
}
