/// <reference lib="webworker" />
// Module worker: hashing and signature checks of multi-megabyte images run here, off the page's thread.
import { expose } from 'comlink';
import { imageService } from './image-service';

expose(imageService);
