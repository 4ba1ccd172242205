package org.plazo.notify.recipients;

import org.springframework.data.repository.CrudRepository;

interface Recipients extends CrudRepository<Recipient, String> {

}
