import { ComponentFixture, TestBed } from '@angular/core/testing';
import { SharedWebCore } from './shared-web-core';

describe('SharedWebCore', () => {
  let component: SharedWebCore;
  let fixture: ComponentFixture<SharedWebCore>;

  beforeEach(async () => {
    await TestBed.configureTestingModule({
      imports: [SharedWebCore]
    }).compileComponents();

    fixture = TestBed.createComponent(SharedWebCore);
    component = fixture.componentInstance;
    await fixture.whenStable();
  });

  it('should create', () => {
    expect(component).toBeTruthy();
  });
});
