package io.matey.spring.boot.autoconfigure.jpa;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An entity over a table that only a Matey migration creates. */
@Entity
@Table(name = "it_item")
public class Item {

    @Id
    private Long id;

    private String name;

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }
}
